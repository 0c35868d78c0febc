package http

import "strings"

// How many bytes DetectContentType looks at.
const sniffLen = 512

// DetectContentType guesses the media type of data from its first 512
// bytes, after the WHATWG MIME sniffing rules Go follows: HTML and XML
// openings, a few binary signatures, a byte order mark, plain text when no
// byte is binary, else "application/octet-stream". p9rt knows the common
// signatures (HTML, XML, PDF, PostScript, GIF, PNG, JPEG, BMP, WebP, ICO,
// Ogg, gzip, zip, RAR, WebAssembly, WOFF); rarer audio and video ones read as
// octet-stream.
func DetectContentType(data []byte) string {
	if len(data) > sniffLen {
		data = data[:sniffLen]
	}
	// Markup may follow white space.
	lead := 0
	for lead < len(data) && isSniffSpace(data[lead]) {
		lead++
	}
	markup := data[lead:]
	for _, tag := range htmlOpenings {
		if len(markup) > len(tag) && strings.EqualFold(string(markup[:len(tag)]), tag) {
			if end := markup[len(tag)]; end == ' ' || end == '>' {
				return "text/html; charset=utf-8"
			}
		}
	}
	if len(markup) >= 5 && string(markup[:5]) == "<?xml" {
		return "text/xml; charset=utf-8"
	}
	s := string(data)
	for _, sig := range prefixes {
		if strings.HasPrefix(s, sig.prefix) {
			return sig.ctype
		}
	}
	if len(s) >= 14 && s[:4] == "RIFF" && s[8:14] == "WEBPVP" {
		return "image/webp"
	}
	for _, c := range data {
		if c <= 0x08 || c == 0x0B || 0x0E <= c && c <= 0x1A || 0x1C <= c && c <= 0x1F {
			return "application/octet-stream"
		}
	}
	return "text/plain; charset=utf-8"
}

func isSniffSpace(c byte) bool {
	return c == '\t' || c == '\n' || c == '\x0c' || c == '\r' || c == ' '
}

// The tags that make a document HTML, followed by a space or '>'.
var htmlOpenings = []string{"<!DOCTYPE HTML", "<HTML", "<HEAD", "<SCRIPT", "<IFRAME", "<H1", "<DIV",
	"<FONT", "<TABLE", "<A", "<STYLE", "<TITLE", "<B", "<BODY", "<BR", "<P", "<!--"}

type signature struct {
	prefix string
	ctype  string
}

// Exact leading bytes, in the order they are tried.
var prefixes = []signature{
	{"%PDF-", "application/pdf"},
	{"%!PS-Adobe-", "application/postscript"},
	{"\xFE\xFF", "text/plain; charset=utf-16be"},
	{"\xFF\xFE", "text/plain; charset=utf-16le"},
	{"\xEF\xBB\xBF", "text/plain; charset=utf-8"},
	{"\x00\x00\x01\x00", "image/x-icon"},
	{"\x00\x00\x02\x00", "image/x-icon"},
	{"BM", "image/bmp"},
	{"GIF87a", "image/gif"},
	{"GIF89a", "image/gif"},
	{"\x89PNG\x0D\x0A\x1A\x0A", "image/png"},
	{"\xFF\xD8\xFF", "image/jpeg"},
	{"OggS\x00", "application/ogg"},
	{"wOFF", "font/woff"},
	{"wOF2", "font/woff2"},
	{"\x1F\x8B\x08", "application/x-gzip"},
	{"PK\x03\x04", "application/zip"},
	{"Rar!\x1A\x07\x00", "application/x-rar-compressed"},
	{"Rar!\x1A\x07\x01\x00", "application/x-rar-compressed"},
	{"\x00\x61\x73\x6D", "application/wasm"},
}
