// The app's one door to the database (lib/db): route handlers and pages ask here.
export { getConnection, getStore } from '@/lib/db';
