import { featureIndexByName } from '../features/catalogue/feature-catalogue.js';
import { assertNever } from '../errors/errors.js';
import type { RiskComponent } from '../contract/events.js';

/** One triggered factor: its stable code, the component it belongs to, the points it adds there. */
export interface TriggeredFactor {
  code: string;
  component: RiskComponent;
  points: number;
}

/** What the factors are computed from besides the engine's features. */
export interface FactorContext {
  /** Hour 0–23 on the user's own clock (browser time zone), or the engine's local hour without one. */
  userHour: number;
  /** The browser's UTC offset in hours minus the offset the IP's longitude implies; undefined when either is unknown. */
  timezoneGapHours: number | undefined;
}

/** Thresholds of the factors (documented in docs/api.md). */
export const factorRules = Object.freeze({
  /** km from the user's previous location that count as a location mismatch. */
  locationMismatchKm: 100,
  /** km/h between two locations no traveller reaches, with at least this distance. */
  impossibleSpeedKmh: 1000,
  impossibleMinimumKm: 500,
  /** Hours away from the user's usual time of day (30-day circular mean). */
  unusualHourDeviation: 4,
  /** Earlier events of the user in the last hour. */
  highVelocityPerHour: 10,
  /** Users of one IP address in 24 hours from which sharing is reported. */
  ipSharingUsers: 3,
  /** Hours between the browser's zone and the IP's position. */
  timezoneGapHours: 3,
  /** Seconds since the user's last password reset or account update that count as a recent account change. */
  recentAccountChangeSeconds: 3600,
});

function value(values: Float64Array, name: string): number {
  const position = featureIndexByName.get(name);
  if (position === undefined) throw new Error(`unknown feature ${name}`);
  return values[position]!;
}

/** Points of a component, from its factors, capped at 100. */
export function componentScore(factors: readonly TriggeredFactor[], component: RiskComponent): number {
  return Math.min(100, factors.filter((factor) => factor.component === component).reduce((sum, factor) => sum + factor.points, 0));
}

/**
 * The triggered factors of one event, from the features the engine computed for it (the profile
 * state BEFORE the event, as for a payment) and the request's own clock. Every factor is a fact
 * about stored history or the request, never a guess; a missing signal triggers nothing.
 */
export function triggeredFactors(values: Float64Array, context: FactorContext): TriggeredFactor[] {
  const factors: TriggeredFactor[] = [];
  const add = (code: string, component: RiskComponent, points: number) => factors.push({ code, component, points });
  const known = (name: string) => value(values, name);
  const history30d = known('sender_tx_count_30d');
  // DEVICE: a device the user has not used in 30 days (only for a user with history), shared devices, automation.
  if (history30d > 0 && known('is_new_device_for_sender') === 1) add('NEW_DEVICE', 'DEVICE', 20);
  const deviceUsers = known('device_distinct_senders_30d');
  if (deviceUsers >= 2) add(`DEVICE_SHARING_${deviceUsers}_USERS`, 'DEVICE', Math.min(60, 20 * (deviceUsers - 1)));
  if (known('ua_is_bot') === 1) add('BOT_USER_AGENT', 'DEVICE', 60);
  if (known('ua_is_headless') === 1) add('HEADLESS_BROWSER', 'DEVICE', 60);
  // GEO: distance and speed from the user's previous location, browser zone against the IP's place.
  const distance = known('distance_from_previous_location_km');
  if (distance >= factorRules.locationMismatchKm) add(`LOCATION_MISMATCH_${Math.round(distance)}KM`, 'GEO', 20);
  if (distance >= factorRules.impossibleMinimumKm && known('implied_speed_kmh') > factorRules.impossibleSpeedKmh) add('IMPOSSIBLE_TRAVEL', 'GEO', 50);
  if (context.timezoneGapHours !== undefined && Math.abs(context.timezoneGapHours) > factorRules.timezoneGapHours) add('TIMEZONE_MISMATCH', 'GEO', 25);
  // A country the user was not seen in (by IP) in 30 days, when they were seen in another one.
  if (known('is_new_country_for_sender') === 1 && known('sender_distinct_countries_30d') >= 2) add('NEW_COUNTRY', 'GEO', 30);
  // BEHAVIORAL: time of day against the user's habit, night, velocity, session switching.
  if (known('sender_hour_deviation_30d') >= factorRules.unusualHourDeviation) add(`UNUSUAL_HOUR_${context.userHour}`, 'BEHAVIORAL', 25);
  if (context.userHour < 6) add('LATE_NIGHT_ACTIVITY', 'BEHAVIORAL', 20);
  if (known('sender_tx_count_1h') >= factorRules.highVelocityPerHour) add('HIGH_VELOCITY', 'BEHAVIORAL', 30);
  if (known('session_distinct_devices_24h') >= 2) add('SESSION_DEVICE_SWITCHING', 'BEHAVIORAL', 25);
  if (known('session_distinct_ips_24h') >= 2) add('SESSION_IP_SWITCHING', 'BEHAVIORAL', 25);
  if (known('sender_seconds_since_account_change') <= factorRules.recentAccountChangeSeconds) add('RECENT_ACCOUNT_CHANGE', 'BEHAVIORAL', 30);
  // IP: hosting networks, addresses shared by many users.
  if (known('ip_is_hosting') === 1) add('DATACENTER_IP', 'IP', 35);
  const ipUsers = known('ip_distinct_senders_24h');
  if (ipUsers >= factorRules.ipSharingUsers) add(`IP_SHARING_${ipUsers}_USERS`, 'IP', Math.min(50, 10 * (ipUsers - 1)));
  return factors;
}

/** The lower-case key of a component in riskBreakdown. */
export function breakdownKey(component: RiskComponent): 'device' | 'geo' | 'behavioral' | 'ip' {
  switch (component) {
    case 'DEVICE':
      return 'device';
    case 'GEO':
      return 'geo';
    case 'BEHAVIORAL':
      return 'behavioral';
    case 'IP':
      return 'ip';
    default:
      return assertNever(component, 'risk component');
  }
}
