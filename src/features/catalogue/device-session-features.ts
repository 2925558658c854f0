import { fromSnapshot, usdFromCents, windowPhrases, type FeatureDefinition, type WindowName } from './feature-definition.js';

function velocity(role: 'device' | 'ip' | 'session', noun: string, windows: readonly WindowName[]): FeatureDefinition[] {
  const prefix = role.toUpperCase();
  return windows.flatMap((window) => [
    {
      name: `${role}_tx_count_${window}`,
      type: 'numeric' as const,
      description: `Earlier transactions from this ${noun} in ${windowPhrases[window]}; missing without a ${noun}.`,
      reasonCode: `${prefix}_VELOCITY_${window.toUpperCase()}`,
      reasonTemplate: `This ${noun} made {value} payments in ${windowPhrases[window]}`,
      reasonCases: { zero: `This ${noun} made no other payments in ${windowPhrases[window]}`, missing: `No ${noun} was sent with this payment` },
      ...fromSnapshot(`${role}_count_${window}`),
    },
    {
      name: `${role}_amount_usd_sum_${window}`,
      type: 'numeric' as const,
      description: `USD sum of earlier transactions from this ${noun} in ${windowPhrases[window]}; missing without a ${noun}.`,
      reasonCode: `${prefix}_AMOUNT_${window.toUpperCase()}`,
      reasonTemplate: `This ${noun} paid {value} USD in ${windowPhrases[window]}`,
      reasonCases: { zero: `This ${noun} paid nothing in ${windowPhrases[window]}`, missing: `No ${noun} was sent with this payment` },
      ...usdFromCents(`${role}_amount_cents_${window}`),
    },
  ]);
}

function sharing(role: 'device' | 'ip', noun: string, reason: string): FeatureDefinition[] {
  return (['24h', '30d'] as const).map((window) => ({
    name: `${role}_distinct_senders_${window}`,
    type: 'numeric' as const,
    description: `Distinct senders using this ${noun} in ${windowPhrases[window]}, this transaction's sender included (${noun} sharing); missing without a ${noun}.`,
    reasonCode: `${reason}_${window.toUpperCase()}`,
    reasonTemplate: `This ${noun} was used by {value} different senders in ${windowPhrases[window]}`,
    reasonCases: { zero: `No sender on record for this ${noun} in ${windowPhrases[window]}`, missing: `No ${noun} was sent with this payment` },
    ...fromSnapshot(`${role}_distinct_senders_${window}`),
  }));
}

/** Velocity and sharing of the device, the IP (by its keyed hash) and the session. */
export const deviceSessionFeatures: readonly FeatureDefinition[] = [
  ...velocity('device', 'device', ['1h', '24h', '7d', '30d']),
  ...sharing('device', 'device', 'DEVICE_SHARING'),
  ...velocity('ip', 'IP address', ['1h', '24h', '7d', '30d']),
  ...sharing('ip', 'IP address', 'IP_SHARING'),
  ...velocity('session', 'session', ['1h', '24h']),
  {
    name: 'session_distinct_ips_24h',
    type: 'numeric',
    description: "Distinct IP addresses seen in this session in the last 24 hours, this transaction's included (IP switching); missing without a session.",
    reasonCode: 'SESSION_IP_SWITCHING',
    reasonTemplate: 'This session used {value} different IP addresses in the last 24 hours',
    reasonCases: { zero: 'No IP address on record for this session in the last 24 hours', missing: 'No session was sent with this payment' },
    ...fromSnapshot('session_distinct_ips_24h'),
  },
  {
    name: 'session_distinct_devices_24h',
    type: 'numeric',
    description: "Distinct devices seen in this session in the last 24 hours, this transaction's included (device switching); missing without a session.",
    reasonCode: 'SESSION_DEVICE_SWITCHING',
    reasonTemplate: 'This session used {value} different devices in the last 24 hours',
    reasonCases: { zero: 'No device on record for this session in the last 24 hours', missing: 'No session was sent with this payment' },
    ...fromSnapshot('session_distinct_devices_24h'),
  },
  {
    name: 'session_age_seconds',
    type: 'numeric',
    description: 'Session age in seconds as reported by the caller (event / confidence APIs); missing when not sent.',
    reasonCode: 'SESSION_AGE',
    reasonTemplate: 'The session is {value} seconds old',
    reasonCases: { zero: 'The session started with this payment', missing: "The session's age was not sent" },
    compute: (input) => input.online?.sessionAgeSeconds ?? Number.NaN,
  },
];
