import type { Decision } from '../contract/enums.js';
import { featureIndexByName } from '../features/catalogue/feature-catalogue.js';
import { eventDecisionOf, eventRiskScore, recommendedActions, type RecommendedAction } from './score-mapping.js';
import { type EventDecision, riskComponents, type RiskComponent } from '../contract/events.js';
import { breakdownKey, componentScore, triggeredFactors } from './triggered-factors.js';
import type { EventCall } from './event-request.js';
import { hourAt, timezoneGapHours } from './time-zone.js';

/** One component of an event's risk: its 0–100 score and the factors behind it. */
export interface ComponentAssessment {
  component: RiskComponent;
  score: number;
  factors: string[];
}

/** Everything the event API answers about one event besides ids and times. */
export interface EventAssessment {
  riskScore: number;
  decision: EventDecision;
  confidence: number;
  recommendedActions: RecommendedAction[];
  components: ComponentAssessment[];
  riskBreakdown: { device: number; geo: number; behavioral: number; ip: number };
  triggeredFactors: string[];
}

const feature = (values: Float64Array, name: string) => values[featureIndexByName.get(name)!]!;

/**
 * The event API's view of an engine decision: riskScore and decision from the engine's score and
 * decision (score-mapping.ts), the triggered factors and per-component scores from the engine's
 * features (triggered-factors.ts), and a confidence that says how complete the signals were:
 * 0.5, plus 0.1 for each of a located IP, a user agent, a session, device traits beyond the user
 * agent, and history of the user.
 */
export function assessEvent(riskScore: number, decision: Decision, values: Float64Array, call: EventCall, at: number): EventAssessment {
  const userHour = call.browserOffsetHours === undefined ? feature(values, 'local_hour_of_day') : hourAt(at, call.browserOffsetHours);
  const longitude = call.located?.longitude;
  const gap = call.browserOffsetHours === undefined || longitude === undefined ? undefined : timezoneGapHours(call.browserOffsetHours, longitude);
  const factors = triggeredFactors(values, { userHour, timezoneGapHours: gap });
  const components = riskComponents.map((component) => ({
    component,
    score: componentScore(factors, component),
    factors: factors.filter((factor) => factor.component === component).map((factor) => factor.code),
  }));
  const breakdown = { device: 0, geo: 0, behavioral: 0, ip: 0 };
  for (const component of components) breakdown[breakdownKey(component.component)] = component.score;
  const signals = [call.located?.country !== undefined, call.record.userAgent !== undefined, call.record.sessionId !== undefined, call.richDevice, feature(values, 'sender_tx_count_30d') > 0];
  const eventDecision = eventDecisionOf[decision];
  const codes = factors.map((factor) => factor.code);
  return {
    riskScore: eventRiskScore(riskScore),
    decision: eventDecision,
    confidence: Math.round((0.5 + 0.1 * signals.filter(Boolean).length) * 100) / 100,
    recommendedActions: recommendedActions(eventDecision, codes),
    components,
    riskBreakdown: breakdown,
    triggeredFactors: codes,
  };
}
