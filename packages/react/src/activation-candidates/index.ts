export { ActivationCandidates } from './ActivationCandidates';
export type { ActivationCandidatesProps } from './ActivationCandidates';
export { useActivationCandidates } from './useActivationCandidates';
export type {
  ActivationCandidatesModel,
  ActivationCandidatesWidgetOptions,
  ActivationEmptyReason,
  ActivationNote,
  ActivationSummary,
} from './useActivationCandidates';
export type { ActivationRowModel, ActivationTable, LiftDirection, LiftGeometry } from './candidateModel';
export type { ActivationReadout } from './readout';
export type {
  ScatterModel as ActivationScatterModel,
  ScatterPoint as ActivationScatterPoint,
  ScatterTick as ActivationScatterTick,
} from './scatterModel';
