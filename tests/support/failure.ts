/** The error `work` rejects with (typed as the AppError value the app shows); fails the test if it resolves. */
export async function failure(work: PromiseLike<unknown>): Promise<{ code: string; message: string }> {
  try {
    await work;
  } catch (error) {
    return error as { code: string; message: string };
  }
  throw new Error('expected a failure');
}
