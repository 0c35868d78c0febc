// The kernel's error strings (4e port/error.h) and the exception a failed call throws.

export const Eintr = 'interrupted';
export const Etoobig = 'read or write too large';
export const Enonexist = 'file does not exist';
export const Ebadfd = 'fd out of range or not open';
export const Eperm = 'permission denied';
export const Ebadarg = 'bad arg in system call';
export const Enotposted = 'note not posted';
export const Ebadusefd = 'inappropriate use of fd';
export const Egreg = 'ken has left the building';
export const Eprocdied = 'process exited';
export const Enochild = 'no living children';
export const Eisdir = 'file is a directory';
export const Eio = 'i/o error';
export const Enegoff = 'negative i/o offset';
export const Enotdir = 'not a directory';
export const Eexist = 'file already exists';
export const Enotempty = 'directory not empty';
export const Ebadaddr = 'bad address in syscall';
/** 9front devproc: ctl nointerrupt while notes wait. */
export const Enotespending = 'notes pending';

/** A failed call: the text becomes the proc's error string. */
export class KError extends Error {}

/**
 * 4e validaddr: a bad pointer in a call posts the NDebug note "sys: bad
 * address in syscall" to the caller and fails the call with Ebadarg.
 */
export class BadAddr extends KError {
  constructor() {
    super(Ebadarg);
  }
}

