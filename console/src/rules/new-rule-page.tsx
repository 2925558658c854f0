import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router';
import { api, unwrap } from '../api/client';
import { BacktestPanel } from './backtest-panel';
import { actionOf, bodyOf, emptyDraft, RuleForm } from './rule-form';
import type { RuleBody } from './rule-types';

/** Admin: writes a new rule (version 1), with a backtest of the draft before saving it. */
export function NewRulePage() {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState(emptyDraft);
  const create = useMutation({
    mutationFn: async (body: RuleBody) => unwrap(await api.POST('/v1/rules', { body })),
    onSuccess: async (rule) => {
      await queryClient.invalidateQueries({ queryKey: ['rules'] });
      await navigate(`/admin/rules/${rule.rule_id}`);
    },
  });
  return (
    <div className="page rule-new">
      <div className="page-heading">
        <h1>New rule</h1>
        <Link to="/admin/rules">All rules</Link>
      </div>
      <div className="two-columns wide-left">
        <RuleForm
          title="Rule"
          submitLabel="Create rule"
          draft={draft}
          onChange={setDraft}
          onSubmit={() => create.mutate(bodyOf(draft))}
          pending={create.isPending}
          error={create.error}
          sentExpression={create.variables?.expression}
        />
        <BacktestPanel describe="this draft" target={() => ({ expression: draft.expression, action: actionOf(draft) })} />
      </div>
    </div>
  );
}
