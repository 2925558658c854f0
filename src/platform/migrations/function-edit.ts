/**
 * A statement that rewrites one passage of a PL/pgSQL function's definition in place
 * (`pg_get_functiondef`, then `replace`), and fails when the passage is not there, so a migration
 * never applies to a definition it was not written for.
 */
export function replaceInFunction(signature: string, passage: string, replacement: string): string {
  const literal = (text: string) => `'${text.replaceAll("'", "''")}'`;
  return `DO $$
     DECLARE
       definition text := pg_get_functiondef(${literal(signature)}::regprocedure);
     BEGIN
       IF position(${literal(passage)} in definition) = 0 THEN
         RAISE EXCEPTION '%: the passage to change was not found', ${literal(signature)};
       END IF;
       EXECUTE replace(definition, ${literal(passage)}, ${literal(replacement)});
     END $$`;
}
