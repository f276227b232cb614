/**
 * N/file: files scripts create are kept in the account's File Cabinet (by internal id); files of the
 * project's own File Cabinet folder on disk can be loaded by path, read-only.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import type { ExecContext, ModuleFactory, StoredFile } from '../types';
import { COST } from '../runtime/governance';
import { createError, requireArg } from '../runtime/errors';

export const Type = {
  CSV: 'CSV',
  HTMLDOC: 'HTMLDOC',
  JAVASCRIPT: 'JAVASCRIPT',
  JSON: 'JSON',
  PDF: 'PDF',
  PLAINTEXT: 'PLAINTEXT',
  XMLDOC: 'XMLDOC',
  EXCEL: 'EXCEL',
  ZIP: 'ZIP',
} as const;
export const Encoding = { UTF_8: 'UTF-8', WINDOWS_1252: 'windows-1252' } as const;

const BINARY = new Set<string>([Type.PDF, Type.ZIP, Type.EXCEL]);
/** NetSuite: a file saved from a script may hold at most 10 MB. */
const MAX_SIZE = 10 * 1024 * 1024;

export interface FileObject {
  id: string | null;
  name: string;
  fileType: string;
  folder: number | string | null;
  description: string;
  isOnline: boolean;
  encoding: string;
  readonly size: number;
  readonly url: string;
  getContents(): string;
  appendLine(o: { value: string }): FileObject;
  lines: { iterator(): { each(cb: (line: { value: string }) => boolean): void } };
  save(): number;
}

export function makeFile(ctx: ExecContext | null, init: { id?: string | null; name: string; fileType: string; contents: string; folder?: number | string | null; description?: string; base64?: boolean }): FileObject {
  let contents = init.contents;
  const f: FileObject = {
    id: init.id ?? null,
    name: init.name,
    fileType: init.fileType,
    folder: init.folder ?? null,
    description: init.description ?? '',
    isOnline: false,
    encoding: Encoding.UTF_8,
    get size() {
      return init.base64 ? Buffer.from(contents, 'base64').length : Buffer.byteLength(contents);
    },
    get url() {
      return f.id ? `/core/media/media.nl?id=${f.id}` : '';
    },
    getContents: () => contents,
    appendLine(o) {
      contents += (contents && !contents.endsWith('\n') ? '\n' : '') + String(requireArg(o, 'value', 'File.appendLine'));
      return f;
    },
    lines: {
      iterator: () => ({
        each(cb) {
          for (const line of contents.split(/\r?\n/)) if (cb({ value: line }) === false) break;
        },
      }),
    },
    save() {
      if (!ctx) throw createError('SSS_INVALID_OPERATION', 'File.save: no execution');
      if (f.folder === null || f.folder === undefined || f.folder === '') {
        throw createError('SSS_MISSING_REQD_ARGUMENT', 'File.save: Missing a required argument: folder');
      }
      if (f.size > MAX_SIZE) throw createError('SSS_FILE_CONTENT_SIZE_EXCEEDED', `File ${f.name} is larger than 10 MB`);
      ctx.meter.charge(COST.fileSave, 'file.save');
      const files = ctx.account.state.files;
      const existing = Object.values(files).find((x) => x.name === f.name && x.folder === String(f.folder));
      const id = f.id ?? existing?.id ?? ctx.account.nextInternalId('file');
      const stored: StoredFile = {
        id,
        name: f.name,
        folder: String(f.folder),
        fileType: f.fileType,
        contents,
        encoding: init.base64 ? 'base64' : 'utf8',
        description: f.description,
        created: ctx.account.now(),
      };
      files[id] = stored;
      f.id = id;
      return Number(id);
    },
  };
  return f;
}

export const createFileModule: ModuleFactory = (ctx) => ({
  Type,
  Encoding,
  create(options: { name: string; fileType: string; contents?: string; folder?: number; description?: string; encoding?: string }) {
    const name = requireArg(options, 'name', 'file.create') as string;
    const fileType = requireArg(options, 'fileType', 'file.create') as string;
    if (!Object.values(Type).includes(fileType as never)) throw createError('SSS_INVALID_TYPE_ARG', `file.create: unknown file type ${fileType}`);
    return makeFile(ctx, {
      name,
      fileType,
      contents: options.contents ?? '',
      folder: options.folder ?? null,
      description: options.description ?? '',
      base64: BINARY.has(fileType),
    });
  },
  load(options: { id: number | string }) {
    const id = String(requireArg(options, 'id', 'file.load'));
    ctx.meter.charge(COST.fileLoad, 'file.load');
    const stored = ctx.account.state.files[id];
    if (stored) {
      return makeFile(ctx, { id: stored.id, name: stored.name, fileType: stored.fileType, contents: stored.contents, folder: stored.folder, description: stored.description ?? '', base64: stored.encoding === 'base64' });
    }
    const root = ctx.account.state.deployment?.fileCabinetRoot;
    if (root && id.startsWith('/')) {
      const disk = resolve(join(root, id));
      if (disk.startsWith(resolve(root) + sep) && existsSync(disk)) {
        return makeFile(ctx, { id: null, name: id.split('/').pop() ?? id, fileType: id.endsWith('.js') ? Type.JAVASCRIPT : Type.PLAINTEXT, contents: readFileSync(disk, 'utf8'), folder: null });
      }
    }
    throw createError('RCRD_DSNT_EXIST', `That record does not exist. file id ${id}`);
  },
  delete(options: { id: number | string }) {
    const id = String(requireArg(options, 'id', 'file.delete'));
    ctx.meter.charge(COST.fileDelete, 'file.delete');
    if (!ctx.account.state.files[id]) throw createError('RCRD_DSNT_EXIST', `That record does not exist. file id ${id}`);
    delete ctx.account.state.files[id];
  },
});
