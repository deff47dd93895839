/** The argument that tells the bundle it runs as one of the folder pool's threads (pool.ts), not as the command. */
export const WORKER_ARG = "--chosahyo-pool-worker";
