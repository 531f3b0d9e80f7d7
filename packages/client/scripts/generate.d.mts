/** The text of src/schema.ts for the document the API serves now. */
export function schemaText(): Promise<string>
/** Where the generated types live. */
export const SCHEMA_FILE: string
