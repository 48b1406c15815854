import { decodeEJSONObject, encodeEJSON } from './ejson';
import { type ActionContext, getDocument, modifyDocument, removeDocument, type Reply } from './document-actions';
import { invalidParam, requiredString, type Body } from './request-params';

export function startTransaction(ctx: ActionContext): Reply {
  return { transactionId: ctx.transactions.start() };
}

export function commitTransaction(ctx: ActionContext, body: Body): Reply {
  ctx.transactions.commit(requiredString(body, 'transactionId'));
  return {};
}

export function abortTransaction(ctx: ActionContext, body: Body): Reply {
  ctx.transactions.abort(requiredString(body, 'transactionId'));
  return {};
}

/*
 * The three actions below are what @cloudbase/database's older Transaction class (transaction.js,
 * still shipped in the SDK) sends: one document by `_id`, answers as EJSON strings at the top level.
 * They run through the same document actions as the current API.
 */

export async function getInTransaction(ctx: ActionContext, body: Body): Promise<Reply> {
  const reply = await getDocument(ctx, docRequest(body));
  const [doc] = (reply.data as { list: string[] }).list;
  return { data: doc ?? encodeEJSON(null) };
}

export async function updateDocInTransaction(ctx: ActionContext, body: Body): Promise<Reply> {
  const data = decodeEJSONObject(body.data, 'data', ctx.now());
  const merge = Object.keys(data).some((key) => key.startsWith('$'));
  const reply = await modifyDocument(ctx, { ...docRequest(body), data: body.data, merge, upsert: body.upsert === true, multi: false });
  const { updated, upsert_id: upsertId } = reply.data as { updated: number; upsert_id?: unknown };
  return { updated: encodeEJSON(updated), ...(upsertId === undefined ? {} : { upserted: JSON.stringify([{ _id: upsertId }]) }) };
}

export async function deleteDocInTransaction(ctx: ActionContext, body: Body): Promise<Reply> {
  const reply = await removeDocument(ctx, { ...docRequest(body), multi: false });
  return { deleted: encodeEJSON((reply.data as { deleted: number }).deleted) };
}

function docRequest(body: Body): Body {
  requiredString(body, 'transactionId');
  if (body._id === undefined || body._id === null) throw invalidParam('_id is required');
  return { collectionName: body.collectionName, transactionId: body.transactionId, queryType: 'DOC', query: encodeEJSON({ _id: body._id }) };
}
