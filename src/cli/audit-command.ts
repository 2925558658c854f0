import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import type { AuditTrail } from '../audit/audit-trail.js';
import { openConfiguredDatabase } from './import-command.js';
import { usageErrorsExitWithTwo } from './validate-command.js';

interface VerifyOptions {
  tenant?: string;
  file?: string;
  publicKey?: string;
  json?: boolean;
}

async function withAuditTrail<T>(work: (trail: AuditTrail) => Promise<T>): Promise<T> {
  const [{ loadConfig }, { AuditTrail }, { systemClock }] = await Promise.all([import('../platform/config.js'), import('../audit/audit-trail.js'), import('../platform/clock.js')]);
  const database = await openConfiguredDatabase();
  try {
    return await work(new AuditTrail(database.db, loadConfig().audit, systemClock));
  } finally {
    await database.close();
  }
}

/** Verifies an export file offline with the given public key, or the installation's own key. */
async function verifyFile(file: string, options: VerifyOptions): Promise<boolean> {
  const [{ verifyExport }, { auditVerifierFromPem }, { loadConfig }] = await Promise.all([import('../audit/audit-export.js'), import('../audit/audit-signing-key.js'), import('../platform/config.js')]);
  const keyFile = options.publicKey ?? loadConfig().audit.keyFile;
  const report = verifyExport(readFileSync(file, 'utf8'), auditVerifierFromPem(readFileSync(keyFile, 'utf8')));
  if (options.json) process.stdout.write(`${JSON.stringify(report)}\n`);
  else if (report.ok) process.stdout.write(`ok: ${file} holds ${report.entries} entries of tenant ${report.summary?.tenant_id} (seq ${report.summary?.first_seq}–${report.summary?.last_seq}), signed by key ${report.summary?.key_id}\n`);
  else process.stdout.write(`BROKEN: ${file} line ${report.problem?.line}: ${report.problem?.message}\n`);
  return report.ok;
}

/**
 * `sentra audit verify|checkpoint|public-key`: check the stored chain (or an export file offline),
 * sign the current heads, and print the key an auditor needs. Exit 0 when everything verifies, 1
 * when something is broken, 2 on a usage or I/O error.
 */
export function registerAuditCommand(program: Command): void {
  const audit = program.command('audit').description('verify and checkpoint the tamper-evident audit chain');
  usageErrorsExitWithTwo(
    audit
      .command('verify')
      .description("verify every tenant's stored chain (or --tenant), or an export file offline (--file); exit 1 names the first broken entry")
      .option('--tenant <id>', 'only this tenant')
      .option('--file <export.jsonl>', 'an export from GET /v1/audit/export, checked without the database')
      .option('--public-key <pem>', "the installation's public key for --file (default: the key in the data folder)")
      .option('--json', 'print as JSON')
      .action(async (options: VerifyOptions) => {
        if (options.file !== undefined) {
          if (!(await verifyFile(options.file, options))) process.exitCode = 1;
          return;
        }
        const reports = await withAuditTrail((trail) => trail.verify(options.tenant));
        if (options.json) process.stdout.write(`${JSON.stringify(reports)}\n`);
        else {
          for (const report of reports) {
            process.stdout.write(
              report.ok
                ? `ok: tenant ${report.tenant_id}: ${report.entries} entries, head ${report.head?.hash.slice(0, 16) ?? '(empty)'}, ${report.checkpoints} checkpoints\n`
                : `BROKEN: tenant ${report.tenant_id} at entry ${report.problem?.seq}: ${report.problem?.message} (${report.problem?.kind})\n`,
            );
          }
          if (reports.length === 0) process.stdout.write('no audit entries yet\n');
        }
        if (reports.some((report) => !report.ok)) process.exitCode = 1;
      }),
  );
  usageErrorsExitWithTwo(
    audit
      .command('checkpoint')
      .description("sign and record every tenant's current chain head (the server also does so every SENTRA_AUDIT_CHECKPOINT_SECONDS)")
      .option('--tenant <id>', 'only this tenant')
      .action(async (options: { tenant?: string }) => {
        const written = await withAuditTrail((trail) => trail.checkpoint('manual', options.tenant === undefined ? undefined : [options.tenant], true));
        for (const checkpoint of written) process.stdout.write(`checkpoint: tenant ${checkpoint.tenant_id} at entry ${checkpoint.seq} (${checkpoint.hash.slice(0, 16)})\n`);
      }),
  );
  usageErrorsExitWithTwo(
    audit
      .command('public-key')
      .description("print the installation's audit public key (PEM), for auditors checking exports offline")
      .action(async () => {
        const [{ loadConfig }, { loadAuditSigner }] = await Promise.all([import('../platform/config.js'), import('../audit/audit-signing-key.js')]);
        process.stdout.write(loadAuditSigner(loadConfig().audit.keyFile).publicKeyPem);
      }),
  );
}
