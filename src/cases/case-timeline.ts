/** One entry of a case's timeline. */
export interface TimelineEntry {
  at: string;
  /** created, re-scored, assigned, note, status_changed, resolved, reopened, label, enrichment_ready. */
  kind: string;
  /** Token id, `system` or a CLI user. */
  actor: string;
  detail: Record<string, unknown>;
}

interface ScoreForTimeline {
  id: string;
  scored_at: Date;
  decision: string;
  risk_score: number;
  source: string;
  created_by: string | null;
}

interface EventForTimeline {
  at: Date;
  kind: string;
  actor: string;
  payload: unknown;
}

interface LabelForTimeline {
  labeled_at: Date;
  created_at: Date;
  source: string;
  label: string;
  reason: string;
  created_by: string;
}

interface EnrichmentForTimeline {
  ref_key: string;
  entity_id: string;
  provider: string;
  signals: unknown;
  created_at: Date;
}

/**
 * The case's timeline, oldest first. `created` and `re-scored` are read from the transaction's
 * stored decisions (the decision writer records nothing extra for them): the first decision at or
 * after the case opened created it, every later one re-scored it. People's actions come from
 * case_events, labels from the labels table, `enrichment_ready` from the KYC enrichment results of the
 * payment's documents (analysed by the worker after the decision, or earlier for a known document).
 */
export function caseTimeline(
  openedAt: Date,
  scores: readonly ScoreForTimeline[],
  events: readonly EventForTimeline[],
  labels: readonly LabelForTimeline[],
  enrichments: readonly EnrichmentForTimeline[] = [],
): TimelineEntry[] {
  const entries: { time: number; order: number; entry: TimelineEntry }[] = [];
  let created = false;
  for (const score of scores) {
    if (score.scored_at.getTime() < openedAt.getTime()) continue;
    entries.push({
      time: score.scored_at.getTime(),
      order: 0,
      entry: {
        at: score.scored_at.toISOString(),
        kind: created ? 're-scored' : 'created',
        actor: score.created_by ?? 'system',
        detail: { request_id: score.id, decision: score.decision, risk_score: score.risk_score, source: score.source },
      },
    });
    created = true;
  }
  for (const event of events) {
    entries.push({ time: event.at.getTime(), order: 1, entry: { at: event.at.toISOString(), kind: event.kind, actor: event.actor, detail: (event.payload ?? {}) as Record<string, unknown> } });
  }
  for (const label of labels) {
    entries.push({
      time: label.created_at.getTime(),
      order: 2,
      entry: { at: label.created_at.toISOString(), kind: 'label', actor: label.created_by, detail: { source: label.source, label: label.label, reason: label.reason, labeled_at: label.labeled_at.toISOString() } },
    });
  }
  for (const enrichment of enrichments) {
    entries.push({
      time: enrichment.created_at.getTime(),
      order: 3,
      entry: {
        at: enrichment.created_at.toISOString(),
        kind: 'enrichment_ready',
        actor: 'system',
        detail: { entity_id: enrichment.entity_id, ref_key: enrichment.ref_key, provider: enrichment.provider, signals: enrichment.signals },
      },
    });
  }
  return entries.sort((a, b) => a.time - b.time || a.order - b.order).map((item) => item.entry);
}
