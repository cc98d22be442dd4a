// better-auth's default endpoints (/api/auth/sign-up/email, /sign-in/email, /sign-out, /get-session...).
import { authHandler } from '@/app/_server/session';

export const dynamic = 'force-dynamic';
export const GET = authHandler;
export const POST = authHandler;
