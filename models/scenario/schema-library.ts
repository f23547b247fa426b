/**
 * The schema library, set up once for every schema of the project: without generated code. By
 * default it compiles a fast parser for each object schema with `new Function`; the project runs
 * no generated code (the app's page forbids it anyway), and for the few validations a session
 * makes the generated parsers cost more to compile than they save — validating three scenario
 * files in a fresh process took about 40 ms with them and 18 ms without. The setting must be
 * made before the first schema is built, so every module takes `z` from here (a lint rule
 * keeps it so).
 */
import { z } from 'zod';

z.config({ jitless: true });

export { z };
