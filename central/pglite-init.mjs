// Runs: node (a child process of the platform or the store hub). Creates the embedded PGlite
// database in a fresh folder and exits: initdb grows PGlite's WebAssembly memory to ~800 MB
// resident and never gives it back, so the serving process only ever opens an existing database.
import { PGlite } from '@electric-sql/pglite';

const db = await PGlite.create(process.argv[2]);
await db.close();
