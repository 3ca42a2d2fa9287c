// react-router creates a TextEncoder when it loads; jsdom leaves it out, so lend Node's own.
const { TextDecoder, TextEncoder } = require('node:util');

Object.assign(globalThis, { TextDecoder, TextEncoder });
