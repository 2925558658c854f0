import type { Problem } from '../components/problem-list';
import { datasetFileNames, type DatasetFileName, type DatasetUpload } from './dataset-types';

const known: ReadonlySet<string> = new Set(datasetFileNames);

/**
 * Reads chosen files into the upload body. Every file must carry its contract name (a file named
 * otherwise is not part of the dataset and is refused here, before anything is sent).
 */
export async function datasetUpload(selected: readonly File[]): Promise<{ body?: DatasetUpload; problems: Problem[] }> {
  const problems: Problem[] = selected
    .filter((file) => !known.has(file.name))
    .map((file) => ({ path: file.name, message: `is not a file of data contract v1 (${datasetFileNames.join(', ')})` }));
  if (selected.length === 0) problems.push({ path: 'files', message: 'choose the files of a dataset' });
  if (problems.length > 0) return { problems };
  const files = await Promise.all(selected.map(async (file) => ({ name: file.name as DatasetFileName, content: await file.text() })));
  return { body: { files }, problems };
}
