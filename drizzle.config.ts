import { defineConfig } from 'drizzle-kit';

// Generates SQL migrations from store/schema. Run: npm run db:generate -- --name <what-changed>
export default defineConfig({
  dialect: 'postgresql',
  schema: './store/schema/index.ts',
  out: './store/migrations',
});
