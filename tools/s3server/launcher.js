// SPDX-FileCopyrightText: 2026 Creodrop
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Starts the S3-compatible test server (s3rver 4, which verifies SigV4 header and presigned
// signatures) with our own credentials and bucket, and rejects unsigned requests, as R2 does.
// Usage: node --openssl-legacy-provider launcher.js --dir DIR --bucket B --access-key K
//             --secret-file FILE [--port N] [--address 127.0.0.1] [--port-file FILE]
// The secret comes from a file so it never shows in `ps`.
'use strict';

const fs = require('fs');
const S3rver = require('@20minutes/s3rver');
const AWSAccount = require('@20minutes/s3rver/lib/models/account');

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
