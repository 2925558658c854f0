/** The states of a case, from escalation to verdict. */
export const caseStatuses = {
  /** Waiting in the queue; nobody has started on it. */
  open: 'open',
  /** An analyst is working on it. */
  in_review: 'in_review',
  /** Handed up for a second opinion. */
  escalated: 'escalated',
  /** A verdict (fraud or legit) was given. */
  resolved: 'resolved',
} as const satisfies Record<string, string>;

/** A case's status. */
export type CaseStatus = (typeof caseStatuses)[keyof typeof caseStatuses];

/** Every status, in queue order. */
export const caseStatusList = Object.values(caseStatuses) as readonly CaseStatus[];
