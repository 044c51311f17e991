-- Background jobs run in one process at a time (the holder of an advisory lock, lib/jobs/job-runner.ts).
-- Each run of a job claims its slot here first: one row per (job, slot), so a slot is never run
-- twice, even across a change of leader, and operators can see when each job last ran and how.
CREATE TABLE "job_runs" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "job" TEXT NOT NULL,
    "slot" TIMESTAMPTZ(3) NOT NULL,
    "runner" TEXT NOT NULL,
    "started_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finished_at" TIMESTAMPTZ(3),
    "error" TEXT,

    CONSTRAINT "job_runs_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "job_runs_job_slot_key" ON "job_runs"("job", "slot");
