/** N/task: submit scheduled and map/reduce scripts; the emulator queues them in the account. */
import type { ModuleFactory } from '../types';
import { COST } from '../runtime/governance';
import { createError, requireArg } from '../runtime/errors';

export const TaskType = {
  SCHEDULED_SCRIPT: 'SCHEDULED_SCRIPT',
  MAP_REDUCE: 'MAP_REDUCE',
  CSV_IMPORT: 'CSV_IMPORT',
  SEARCH: 'SEARCH',
} as const;
export const TaskStatus = { PENDING: 'PENDING', PROCESSING: 'PROCESSING', COMPLETE: 'COMPLETE', FAILED: 'FAILED' } as const;

export const createTaskModule: ModuleFactory = (ctx) => {
  let seq = 0;
  return {
    TaskType,
    TaskStatus,
    create(options: { taskType: string; scriptId?: string; deploymentId?: string; params?: Record<string, unknown> }) {
      const taskType = requireArg(options, 'taskType', 'task.create') as string;
      if (taskType !== TaskType.SCHEDULED_SCRIPT && taskType !== TaskType.MAP_REDUCE) {
        throw createError('SSS_INVALID_TYPE_ARG', `task.create: task type ${taskType} is not supported by the emulator`);
      }
      const t = {
        taskType,
        scriptId: options.scriptId ?? null,
        deploymentId: options.deploymentId ?? null,
        params: { ...(options.params ?? {}) },
        submit(): string {
          if (!t.scriptId) throw createError('SSS_MISSING_REQD_ARGUMENT', 'task.submit: Missing a required argument: scriptId');
          ctx.meter.charge(COST.taskSubmit, 'task.submit');
          const queue = ctx.account.state.taskQueue;
          if (t.deploymentId && queue.some((q) => q.scriptId === t.scriptId && q.deploymentId === t.deploymentId)) {
            // Only one unfinished instance per deployment.
            throw createError(
              taskType === TaskType.MAP_REDUCE ? 'MAP_REDUCE_ALREADY_RUNNING' : 'FAILED_TO_SUBMIT_JOB_REQUEST_1',
              `Deployment ${t.deploymentId} of ${t.scriptId} is already queued or running`,
            );
          }
          seq += 1;
          const taskId = `${taskType === TaskType.MAP_REDUCE ? 'MAPREDUCETASK' : 'SCHEDSCRIPT'}_${Date.now().toString(36)}${seq}`;
          queue.push({
            taskId,
            taskType: taskType as 'SCHEDULED_SCRIPT' | 'MAP_REDUCE',
            scriptId: t.scriptId,
            deploymentId: t.deploymentId,
            params: t.params,
            submitted: ctx.account.now(),
          });
          return taskId;
        },
      };
      return t;
    },
    checkStatus(options: { taskId: string }) {
      const taskId = requireArg(options, 'taskId', 'task.checkStatus') as string;
      ctx.meter.charge(COST.taskCheckStatus, 'task.checkStatus');
      const queued = ctx.account.state.taskQueue.some((q) => q.taskId === taskId);
      return { taskId, status: queued ? TaskStatus.PENDING : TaskStatus.COMPLETE };
    },
  };
};
