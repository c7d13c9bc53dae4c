import { cumulative } from './random';
import type { SampleChannel, SampleEventName, SamplePlan, SampleSource } from './sample.types';

/** Event names by code; the code order also orders same-millisecond events (upgrade before pay). */
export const NAMES: readonly SampleEventName[] = [
  'signup',
  'login',
  'page_view',
  'feature_used',
  'view_pricing',
  'start_trial',
  'activate',
  'invite_teammate',
  'upgrade',
  'downgrade',
  'cancel',
  'pay',
  'ad_click',
  'visit',
];
// Codes of the names above.
export const SIGNUP = 0;
export const LOGIN = 1;
export const PAGE_VIEW = 2;
export const FEATURE_USED = 3;
export const VIEW_PRICING = 4;
export const START_TRIAL = 5;
export const ACTIVATE = 6;
export const INVITE = 7;
export const UPGRADE = 8;
export const DOWNGRADE = 9;
export const CANCEL = 10;
export const PAY = 11;
export const AD_CLICK = 12;
export const VISIT = 13;

/** Features of `feature_used` (detail code 1…), most used first; detail 0 = none. */
export const FEATURES = ['dashboards', 'reports', 'alerts', 'exports', 'integrations', 'api'] as const;
export const FEATURE_WEIGHTS = /* @__PURE__ */ cumulative([34, 26, 16, 11, 8, 5]);

/** Channels of the marketing touches (detail code 1… on `ad_click` and `visit`). */
export const CHANNELS: readonly SampleChannel[] = ['google', 'linkedin', 'newsletter', 'partner', 'direct'];
export const GOOGLE = 0;
export const LINKEDIN = 1;
export const NEWSLETTER = 2;
export const PARTNER = 3;
export const DIRECT = 4;

export const PLANS: readonly SamplePlan[] = ['free', 'pro', 'business'];
export const FREE = 0;
export const PRO = 1;
export const BUSINESS = 2;

export const SOURCES: readonly SampleSource[] = ['organic', 'ads', 'referral', 'social'];
export const ORGANIC = 0;
export const ADS = 1;
export const REFERRAL = 2;
export const SOCIAL = 3;
