/** One feed payment of the window as the evaluation sees it. */
export interface EvaluatedPayment {
  txId: string;
  /** Amount in USD (NaN when the currency has no rate). */
  amountUsd: number;
  /** Sentra's risk score (0–1000) of its first feed decision. */
  riskScore: number;
  shadow: boolean;
  /** The effective label is fraud (labels that arrived after the window count). */
  fraud: boolean;
  /** Chargebacks (fraud disputes) on the payment, in USD. */
  chargebackUsd: number;
  /** The PSP's own verdict (flagged or not); null when the PSP gave none. */
  pspFlagged: boolean | null;
}

/** Sentra at one cut-off: every payment scored at or above it is flagged (reviewed or stopped). */
export interface OperatingPoint {
  name: string;
  cutoff: number;
  flagged: number;
  reviewRate: number | null;
  fraudCaught: number;
  fraudCaughtUsd: number;
  falsePositives: number;
  precision: number | null;
  recall: number | null;
  chargebackAvoidedUsd: number;
}

/** The evaluation's figures over a window. */
export interface EvaluationFigures {
  payments: number;
  shadowPayments: number;
  fraud: number;
  fraudUsd: number;
  chargebackUsd: number;
  operatingPoints: OperatingPoint[];
  scoreDistribution: { from: number; to: number; payments: number; fraud: number }[];
  precisionRecall: { cutoff: number; flagged: number; precision: number | null; recall: number | null }[];
  /** Sentra at the merchant's review cut-off against the PSP's own verdict, on the payments the PSP judged. */
  pspComparison: { payments: number; psp: Omit<OperatingPoint, 'name' | 'cutoff'>; sentra: Omit<OperatingPoint, 'name' | 'cutoff'> } | null;
}

const ratio = (part: number, whole: number) => (whole === 0 ? null : part / whole);
const usd = (value: number) => (Number.isFinite(value) ? value : 0);
/** Cents, so sums of many amounts print and compare exactly. */
const cents = (value: number) => Math.round(value * 100) / 100;

function pointOf(payments: readonly EvaluatedPayment[], isFlagged: (payment: EvaluatedPayment) => boolean): Omit<OperatingPoint, 'name' | 'cutoff'> {
  let flagged = 0;
  let caught = 0;
  let caughtUsd = 0;
  let avoided = 0;
  let fraud = 0;
  for (const payment of payments) {
    if (payment.fraud) fraud++;
    if (!isFlagged(payment)) continue;
    flagged++;
    if (payment.fraud) {
      caught++;
      caughtUsd += usd(payment.amountUsd);
      avoided += payment.chargebackUsd;
    }
  }
  return {
    flagged,
    reviewRate: ratio(flagged, payments.length),
    fraudCaught: caught,
    fraudCaughtUsd: cents(caughtUsd),
    falsePositives: flagged - caught,
    precision: ratio(caught, flagged),
    recall: ratio(caught, fraud),
    chargebackAvoidedUsd: cents(avoided),
  };
}

/**
 * The evaluation of a window's feed payments (pure): for each operating point (the merchant's
 * thresholds and the alternatives) fraud caught (count and USD), false positives, review rate,
 * precision, recall and the chargebacks that flagging would have avoided; the score distribution in
 * ten bands; a precision–recall curve every 25 points; and Sentra against the PSP's own verdict on
 * the same payments.
 */
export function evaluate(payments: readonly EvaluatedPayment[], cutoffs: readonly { name: string; cutoff: number }[]): EvaluationFigures {
  const fraudPayments = payments.filter((payment) => payment.fraud);
  const judged = payments.filter((payment) => payment.pspFlagged !== null);
  const review = cutoffs[0]?.cutoff ?? 500;
  return {
    payments: payments.length,
    shadowPayments: payments.filter((payment) => payment.shadow).length,
    fraud: fraudPayments.length,
    fraudUsd: cents(fraudPayments.reduce((sum, payment) => sum + usd(payment.amountUsd), 0)),
    chargebackUsd: cents(payments.reduce((sum, payment) => sum + payment.chargebackUsd, 0)),
    operatingPoints: cutoffs.map(({ name, cutoff }) => ({ name, cutoff, ...pointOf(payments, (payment) => payment.riskScore >= cutoff) })),
    scoreDistribution: Array.from({ length: 10 }, (_, band) => {
      const from = band * 100;
      const to = band === 9 ? 1000 : from + 99;
      const inBand = payments.filter((payment) => payment.riskScore >= from && payment.riskScore <= to);
      return { from, to, payments: inBand.length, fraud: inBand.filter((payment) => payment.fraud).length };
    }),
    precisionRecall: Array.from({ length: 41 }, (_, step) => {
      const cutoff = step * 25;
      const point = pointOf(payments, (payment) => payment.riskScore >= cutoff);
      return { cutoff, flagged: point.flagged, precision: point.precision, recall: point.recall };
    }),
    pspComparison:
      judged.length === 0
        ? null
        : { payments: judged.length, psp: pointOf(judged, (payment) => payment.pspFlagged === true), sentra: pointOf(judged, (payment) => payment.riskScore >= review) },
  };
}
