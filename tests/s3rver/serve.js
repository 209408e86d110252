#!/usr/bin/env node
// Starts s3rver for the blob store tests: node serve.js <directory> <port> <address>.
// One correction on its answers: s3rver 3.7 writes list results in the XML namespace
// "http://doc.s3.amazonaws.com/2006-03-01/", where S3, MinIO and Ceph use "http://s3.amazonaws.com/doc/2006-03-01/".
// Clients that read by namespace (the MinIO .NET client) see such a listing as empty.
'use strict';

const S3rver = require('s3rver');

const [directory, port, address] = process.argv.slice(2);
const server = new S3rver({ directory, port: Number(port), address, silent: true });
// First in the chain, so it sees the body after s3rver's own middleware has rendered it as XML.
server.middleware.unshift(async (ctx, next) => {
  await next();
  if (typeof ctx.body === 'string') {
    ctx.body = ctx.body.replace('xmlns="http://doc.s3.amazonaws.com/2006-03-01/"', 'xmlns="http://s3.amazonaws.com/doc/2006-03-01/"');
  }
});
server.run().catch((e) => {
  console.error(e);
  process.exit(1);
});
