// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Starts the S3-compatible test server (s3rver 4, which verifies SigV4 header and presigned
// signatures) with our own credentials and bucket, and rejects unsigned requests, as R2 does.
// Usage: node --openssl-legacy-provider launcher.js --dir DIR --bucket B --access-key K
//             --secret-file FILE [--port N] [--address 127.0.0.1] [--port-file FILE]
// The secret comes from a file so it never shows in `ps`.
//
// Besides, it adds what R2 supports and s3rver 4.0.4 answers NotImplemented/MethodNotAllowed to:
// ListMultipartUploads (GET /bucket?uploads) and AbortMultipartUpload (DELETE /bucket/key?uploadId=).
// Both read and change s3rver's own on-disk state of in-progress uploads (one directory per
// upload id holding `key`, `metadata` and the parts; CompleteMultipartUpload removes it), and run
// inside s3rver's router right after its authentication layer, so signatures are still verified.
'use strict';

const fs = require('fs');
const path = require('path');
const S3rver = require('@20minutes/s3rver');
const AWSAccount = require('@20minutes/s3rver/lib/models/account');
const S3Error = require('@20minutes/s3rver/lib/models/error');
const router = require('@20minutes/s3rver/lib/routes');

function option(name, fallback) {
  const i = process.argv.indexOf('--' + name);
  if (i >= 0 && i + 1 < process.argv.length) return process.argv[i + 1];
  if (fallback === undefined) {
    console.error(`launcher: --${name} is required`);
    process.exit(2);
  }
  return fallback;
}

const dir = option('dir');
const bucket = option('bucket');
const accessKey = option('access-key');
const secret = fs.readFileSync(option('secret-file'), 'utf8').trim();
const port = Number(option('port', '0'));
const address = option('address', '127.0.0.1');
const portFile = option('port-file', '');

// Replace the built-in S3RVER/S3RVER key pair with ours.
AWSAccount.DUMMY_ACCOUNT.revokeAccessKey('S3RVER');
AWSAccount.DUMMY_ACCOUNT.createKeyPair(accessKey, secret);

const server = new S3rver({
  port,
  address,
  directory: dir,
  silent: true,
  configureBuckets: [{ name: bucket }],
});

// s3rver serves anonymous requests; a real R2 bucket does not. Runs before everything else.
server.middleware.unshift(async (ctx, next) => {
  const signed =
    'authorization' in ctx.headers ||
    'X-Amz-Algorithm' in ctx.query ||
    'Signature' in ctx.query;
  if (!signed && ctx.method !== 'OPTIONS') {
    ctx.status = 403;
    ctx.type = 'application/xml';
    ctx.body =
      '<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>AccessDenied</Code>' +
      '<Message>Anonymous requests are not allowed</Message></Error>';
    return;
  }
  return next();
});

// ---- multipart upload listing and abort

function uploadsDir(ctx, bucket) {
  return ctx.store.getResourcePath(bucket, undefined, 'uploads');
}

async function requireBucket(ctx) {
  if (!(await ctx.store.getBucket(ctx.params.bucket))) {
    throw new S3Error('NoSuchBucket', 'The specified bucket does not exist', {
      BucketName: ctx.params.bucket,
    });
  }
}

async function pendingUploads(ctx, bucket) {
  const dir = uploadsDir(ctx, bucket);
  let ids;
  try {
    ids = await fs.promises.readdir(dir);
  } catch (err) {
    if (err.code === 'ENOENT') return [];
    throw err;
  }
  const uploads = [];
  for (const id of ids) {
    try {
      const keyFile = path.join(dir, id, 'key');
      const [key, stat] = await Promise.all([
        fs.promises.readFile(keyFile, 'utf8'),
        fs.promises.stat(keyFile),
      ]);
      uploads.push({ key, id, initiated: stat.mtime });
    } catch (err) {
      // Being completed or aborted right now: it is gone, which is what the listing says.
      if (err.code !== 'ENOENT') throw err;
    }
  }
  uploads.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return uploads;
}

async function listMultipartUploads(ctx, next) {
  if (!('uploads' in ctx.query)) return next();
  await requireBucket(ctx);
  const prefix = ctx.query.prefix || '';
  const keyMarker = ctx.query['key-marker'] || '';
  const idMarker = ctx.query['upload-id-marker'] || '';
  const maxUploads = Math.max(0, Math.min(1000, Number(ctx.query['max-uploads'] || 1000)));
  const all = (await pendingUploads(ctx, ctx.params.bucket)).filter(
    (u) =>
      u.key.startsWith(prefix) &&
      (!keyMarker ||
        u.key > keyMarker ||
        (u.key === keyMarker && idMarker !== '' && u.id > idMarker)),
  );
  const page = all.slice(0, maxUploads);
  const truncated = all.length > page.length;
  const last = page[page.length - 1];
  ctx.body = {
    ListMultipartUploadsResult: {
      '@': { xmlns: 'http://s3.amazonaws.com/doc/2006-03-01/' },
      Bucket: ctx.params.bucket,
      KeyMarker: keyMarker,
      UploadIdMarker: idMarker,
      NextKeyMarker: truncated && last ? last.key : '',
      NextUploadIdMarker: truncated && last ? last.id : '',
      Prefix: prefix,
      MaxUploads: maxUploads,
      IsTruncated: truncated,
      Upload: page.map((u) => ({
        Key: u.key,
        UploadId: u.id,
        Initiated: u.initiated.toISOString(),
        StorageClass: 'STANDARD',
      })),
    },
  };
}

async function abortMultipartUpload(ctx, next) {
  if (!('uploadId' in ctx.query)) return next();
  await requireBucket(ctx);
  const id = String(ctx.query.uploadId);
  const noSuchUpload = new S3Error(
    'NoSuchUpload',
    'The specified upload does not exist. The upload ID may be invalid, or the upload may have ' +
      'been aborted or completed.',
    { UploadId: id },
  );
  if (!/^[0-9a-f]+$/.test(id)) throw noSuchUpload;
  const dir = path.join(uploadsDir(ctx, ctx.params.bucket), id);
  let key;
  try {
    key = await fs.promises.readFile(path.join(dir, 'key'), 'utf8');
  } catch (err) {
    if (err.code === 'ENOENT') throw noSuchUpload;
    throw err;
  }
  if (key !== ctx.params.key) throw noSuchUpload;
  await fs.promises.rm(dir, { recursive: true, force: true });
  ctx.status = 204;
}

// CompleteMultipartUpload of an upload that no longer exists (completed or aborted) answers
// 404 NoSuchUpload, as S3 and R2 do; s3rver itself answers 500. A client whose Complete
// response was lost sees this on its retry.
async function completeMultipartUpload(ctx, next) {
  if (!('uploadId' in ctx.query)) return next();
  await requireBucket(ctx);
  const id = String(ctx.query.uploadId);
  const dir = path.join(uploadsDir(ctx, ctx.params.bucket), id);
  let key = null;
  if (/^[0-9a-f]+$/.test(id)) {
    try {
      key = await fs.promises.readFile(path.join(dir, 'key'), 'utf8');
    } catch (err) {
      if (err.code !== 'ENOENT') throw err;
    }
  }
  if (key !== ctx.params.key) {
    throw new S3Error(
      'NoSuchUpload',
      'The specified upload does not exist. The upload ID may be invalid, or the upload may have ' +
        'been aborted or completed.',
      { UploadId: id },
    );
  }
  return next();
}

// Register them as routes, then move them right behind s3rver's authentication layer: the router
// runs the matching layers in stack order, and the built-in handlers after them would refuse.
{
  const before = router.stack.length;
  router.get('/:bucket', listMultipartUploads);
  router.delete('/:bucket/:key+', abortMultipartUpload);
  router.post('/:bucket/:key+', completeMultipartUpload);
  const added = router.stack.splice(before);
  const auth = router.stack.findIndex((layer) =>
    layer.stack.some((fn) => fn.name === 'authentication'),
  );
  if (auth < 0 || added.length !== 3) {
    console.error('launcher: cannot find the authentication layer of s3rver\'s router');
    process.exit(1);
  }
  router.stack.splice(auth + 1, 0, ...added);
}

server.run().then(
  (addr) => {
    if (portFile) fs.writeFileSync(portFile + '.tmp', String(addr.port));
    if (portFile) fs.renameSync(portFile + '.tmp', portFile);
    console.log(`s3 test server listening on http://${addr.address}:${addr.port} bucket=${bucket}`);
  },
  (err) => {
    console.error('launcher: ' + err.message);
    process.exit(1);
  },
);

for (const sig of ['SIGTERM', 'SIGINT']) {
  process.on(sig, () => server.close().finally(() => process.exit(0)));
}
