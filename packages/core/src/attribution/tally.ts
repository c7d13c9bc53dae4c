import { apportion, CREDIT_UNITS } from './apportion';
import type { Weigh, TouchWindow } from './models';

/**
 * Adds up, per model, the integer credit units and value quanta each
 * channel-and-campaign "slot" receives, and per slot the distinct touches and
 * units seen in lookbacks (the same for every model). Integer sums stay exact;
 * they are divided once, when the rows are made.
 */
export class AttributionTally {
  /** Channel and campaign code (−1: none) of each slot. */
  readonly slotChannel: number[] = [];
  readonly slotCampaign: number[] = [];
  private readonly slotIndex = new Map<number, number>();
  /** Distinct touches and units per slot; per channel code too (a unit counts once per channel, whatever its campaigns). */
  readonly slotTouches: number[] = [];
  readonly slotUnits: number[] = [];
  private readonly slotLastUnit: number[] = [];
  readonly channelUnits: Int32Array;
  private readonly channelLastUnit: Int32Array;
  /** Per model: credit units and value quanta per slot, then for conversions without touches. */
  readonly credit: number[][];
  readonly value: number[][];
  readonly noneCredit: number[];
  readonly noneValue: number[];
  noneUnits = 0;
  private noneLastUnit = -1;
  /** Counted conversions, and those with a touch. */
  conversions = 0;
  touched = 0;
  /** Entries of the current unit's touches already counted in `slotTouches`. */
  private counted = 0;
  private weights = new Float64Array(16);
  private spare = new Float64Array(16);
  private shares = new Float64Array(16);
  private order = new Int32Array(16);

  constructor(
    private readonly weighs: readonly Weigh[],
    channelCount: number,
    private readonly campaignCount: number,
  ) {
    this.credit = weighs.map(() => []);
    this.value = weighs.map(() => []);
    this.noneCredit = weighs.map(() => 0);
    this.noneValue = weighs.map(() => 0);
    this.channelUnits = new Int32Array(channelCount);
    this.channelLastUnit = new Int32Array(channelCount).fill(-1);
  }

  /** The slot of a channel and campaign (−1: no campaign), made on first use. */
  slotOf(channel: number, campaign: number): number {
    const key = channel * (this.campaignCount + 1) + campaign + 1;
    let slot = this.slotIndex.get(key);
    if (slot === undefined) {
      slot = this.slotChannel.length;
      this.slotIndex.set(key, slot);
      this.slotChannel.push(channel);
      this.slotCampaign.push(campaign);
      this.slotTouches.push(0);
      this.slotUnits.push(0);
      this.slotLastUnit.push(-1);
      for (const credit of this.credit) credit.push(0);
      for (const value of this.value) value.push(0);
    }
    return slot;
  }

  /** Starts a unit: its touches have not been counted yet. */
  startUnit(): void {
    this.counted = 0;
  }

  /**
   * Credits one conversion of `unit` worth `quanta`, whose touches are
   * `window.lo … window.hi − 1` of the unit's touches (`slots` gives each one's
   * slot). Windows of one unit come in time order, so each touch is counted
   * once however many lookbacks it lies in.
   */
  conversion(unit: number, window: TouchWindow, slots: Int32Array, quanta: number): void {
    this.conversions++;
    const { lo, hi } = window;
    const n = hi - lo;
    if (n === 0) {
      for (let m = 0; m < this.weighs.length; m++) {
        this.noneCredit[m]! += CREDIT_UNITS;
        this.noneValue[m]! += quanta;
      }
      if (this.noneLastUnit !== unit) {
        this.noneLastUnit = unit;
        this.noneUnits++;
      }
      return;
    }
    this.touched++;
    for (let i = Math.max(lo, this.counted); i < hi; i++) this.slotTouches[slots[i] as number]! += 1;
    this.counted = Math.max(this.counted, hi);
    for (let i = lo; i < hi; i++) {
      const slot = slots[i] as number;
      if (this.slotLastUnit[slot] !== unit) {
        this.slotLastUnit[slot] = unit;
        this.slotUnits[slot]! += 1;
      }
      const channel = window.channel[i] as number;
      if (this.channelLastUnit[channel] !== unit) {
        this.channelLastUnit[channel] = unit;
        this.channelUnits[channel]! += 1;
      }
    }
    this.reserve(n);
    const { weights, spare, shares, order } = this;
    for (let m = 0; m < this.weighs.length; m++) {
      const credit = this.credit[m] as number[];
      const value = this.value[m] as number[];
      const only = (this.weighs[m] as Weigh)(window, weights);
      if (only >= 0) {
        const slot = slots[only] as number;
        credit[slot]! += CREDIT_UNITS;
        value[slot]! += quanta;
        continue;
      }
      // apportion overwrites the weights with remainders: keep a copy for the value.
      if (quanta > 0) spare.set(weights.subarray(0, n));
      apportion(weights, n, CREDIT_UNITS, shares, order);
      for (let i = 0; i < n; i++) credit[slots[lo + i] as number]! += shares[i] as number;
      if (quanta > 0) {
        apportion(spare, n, quanta, shares, order);
        for (let i = 0; i < n; i++) value[slots[lo + i] as number]! += shares[i] as number;
      }
    }
  }

  private reserve(n: number): void {
    if (this.weights.length >= n) return;
    const size = 2 ** Math.ceil(Math.log2(n));
    this.weights = new Float64Array(size);
    this.spare = new Float64Array(size);
    this.shares = new Float64Array(size);
    this.order = new Int32Array(size);
  }
}
