import { useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../api/client';
import { ApiErrorNotice } from '../components/api-error-notice';
import { ProblemList, type Problem } from '../components/problem-list';
import type { RegisterModelBody } from './model-types';

const files = { model: 'model.json', featureSchema: 'feature_schema.json', metadata: 'metadata.json' } as const;

/** Reads the three files of an artifact folder into the API's body, or the problems that stop it. */
export async function artifactBody(selected: readonly File[], activate: boolean): Promise<{ body?: RegisterModelBody; problems: Problem[] }> {
  const byName = new Map(selected.map((file) => [file.name, file]));
  const problems: Problem[] = Object.values(files)
    .filter((name) => !byName.has(name))
    .map((name) => ({ path: name, message: 'is missing: choose the three files of the artifact folder' }));
  if (problems.length > 0) return { problems };
  const parse = async (name: string): Promise<unknown> => {
    try {
      return JSON.parse(await byName.get(name)!.text()) as unknown;
    } catch {
      problems.push({ path: name, message: 'is not valid JSON' });
      return undefined;
    }
  };
  const [modelJson, featureSchema, metadata] = await Promise.all([byName.get(files.model)!.text(), parse(files.featureSchema), parse(files.metadata)]);
  if (problems.length > 0) return { problems };
  return { body: { model_json: modelJson, feature_schema: featureSchema as Record<string, never>, metadata: metadata as Record<string, never>, activate }, problems };
}

/** Registers an artifact folder's three files as a version of the tenant, optionally activating it. */
export function ModelUploadForm() {
  const queryClient = useQueryClient();
  const [selected, setSelected] = useState<File[]>([]);
  const [activate, setActivate] = useState(false);
  const [localProblems, setLocalProblems] = useState<Problem[]>([]);
  const register = useMutation({
    mutationFn: async (body: RegisterModelBody) => unwrap(await api.POST('/v1/admin/models', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['models'] }),
  });
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    register.reset();
    const { body, problems } = await artifactBody(selected, activate);
    setLocalProblems(problems);
    if (body === undefined) return;
    if (activate && !window.confirm('Register and activate this model? Payments are scored with it from the next request.')) return;
    register.mutate(body);
  };
  const done = register.data;
  return (
    <form className="card" onSubmit={(event) => void submit(event)} aria-labelledby="upload-title">
      <h2 id="upload-title">Register a version</h2>
      <div className="field">
        <label htmlFor="artifact-files">Artifact files</label>
        <input
          id="artifact-files"
          type="file"
          multiple
          accept=".json,application/json"
          aria-describedby="artifact-files-help"
          onChange={(event) => setSelected(Array.from(event.target.files ?? []))}
        />
        <span id="artifact-files-help" className="help">
          The three files of a folder written by <code>sentra train</code>: model.json, feature_schema.json and metadata.json.
        </span>
      </div>
      <label className="checkbox">
        <input type="checkbox" checked={activate} onChange={(event) => setActivate(event.target.checked)} /> Activate it once registered
      </label>
      <ProblemList id="upload-problems" title="Cannot register these files" problems={localProblems} />
      <ApiErrorNotice id="upload-error" error={register.error} title="The server refused the artifact" />
      <button type="submit" className="primary" disabled={register.isPending || selected.length === 0}>
        Register
      </button>
      {done !== undefined && (
        <p role="status">
          {done.created ? 'Registered' : 'Already registered'} <code>{done.version}</code>
          {done.active ? ', active' : ''}.
        </p>
      )}
    </form>
  );
}
