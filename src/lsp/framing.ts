import { Transform, type TransformCallback } from 'node:stream';

const HEADER_END = Buffer.from('\r\n\r\n');
const CONTENT_LENGTH = /^content-length:\s*(\d+)\s*$/im;
/** Headers longer than this are not headers: the stream is read on from the next `Content-Length`. */
const MAX_HEADER_BYTES = 4096;
/** A message larger than this is refused (the largest data file the tool reads is 256 MiB, JSON-escaped). */
const MAX_MESSAGE_BYTES = 1024 * 1024 * 1024;

/**
 * Passes on only well-formed JSON-RPC messages: a `Content-Length` header and a body that is
 * JSON. Anything else (a header without its length, a body that does not parse, bytes between
 * messages) is reported through `log` and skipped, and reading goes on at the next message. The
 * JSON-RPC library stops reading for good on some of these; a server must not.
 */
export class MessageGuard extends Transform {
  private buffer: Buffer = Buffer.alloc(0);
  /** Chunks of a body still arriving, joined once it is all there: a large file's didOpen comes in hundreds. */
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  private bodyLength = -1;

  constructor(private readonly log: (message: string) => void) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.pending.push(chunk);
    this.pendingBytes += chunk.length;
    if (this.bodyLength >= 0 && this.buffer.length + this.pendingBytes < this.bodyLength) {
      done();
      return;
    }
    this.buffer = this.buffer.length === 0 && this.pending.length === 1 ? chunk : Buffer.concat([this.buffer, ...this.pending]);
    this.pending = [];
    this.pendingBytes = 0;
    for (;;) {
      if (this.bodyLength < 0) {
        const end = this.buffer.indexOf(HEADER_END);
        if (end < 0) {
          if (this.buffer.length > MAX_HEADER_BYTES) this.resync(1, `no header end in ${this.buffer.length} bytes`);
          break;
        }
        const header = this.buffer.subarray(0, end).toString('latin1');
        const length = CONTENT_LENGTH.exec(header);
        if (!length || Number(length[1]) > MAX_MESSAGE_BYTES) {
          this.resync(end + HEADER_END.length, `a message header without a usable Content-Length: ${JSON.stringify(header.slice(0, 200))}`);
          continue;
        }
        this.bodyLength = Number(length[1]);
        this.buffer = this.buffer.subarray(end + HEADER_END.length);
      }
      if (this.buffer.length < this.bodyLength) break;
      const body = this.buffer.subarray(0, this.bodyLength);
      this.buffer = this.buffer.subarray(this.bodyLength);
      this.bodyLength = -1;
      if (parses(body)) this.push(Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'latin1'), body]));
      else this.log(`plan lsp: skipped a message whose body is not JSON: ${JSON.stringify(body.subarray(0, 200).toString('utf8'))}`);
    }
    done();
  }

  /** Drops `from` bytes, then everything up to the next `Content-Length` header. */
  private resync(from: number, why: string): void {
    this.log(`plan lsp: skipped malformed input: ${why}`);
    const rest = this.buffer.subarray(from);
    const next = rest.toString('latin1').search(/content-length:/i);
    this.buffer = next < 0 ? Buffer.alloc(0) : rest.subarray(next);
  }
}

function parses(body: Buffer): boolean {
  try {
    const message: unknown = JSON.parse(body.toString('utf8'));
    return typeof message === 'object' && message !== null;
  } catch {
    return false;
  }
}
