// Supabase Edge Function entry: `supabase functions deploy api`. Requests arrive as /api/...
import { buildFunction } from './app.ts';

declare const Deno: {
  env: { toObject(): Record<string, string> };
  serve(handler: (req: Request) => Response | Promise<Response>): void;
};

const { app } = await buildFunction(Deno.env.toObject());
Deno.serve(app.fetch);
