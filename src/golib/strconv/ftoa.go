package strconv

// runtime_formatFloat is the core's float formatter (host/abi/defs.ts
// "strconv.runtime_formatFloat"): Go's shortest-representation and
// fixed-precision algorithms are the core's, in AssemblyScript.
func runtime_formatFloat(f float64, fmt byte, prec int) string

// FormatFloat converts the floating-point number f to a string, according
// to the format fmt ('e', 'E', 'f', 'g', 'G', 'b', 'x', 'X') and precision
// prec (-1 for the fewest digits that read back exactly). Only bitSize 64
// is supported: p9rt has no float32.
func FormatFloat(f float64, fmt byte, prec, bitSize int) string {
	return runtime_formatFloat(f, fmt, prec)
}

// AppendFloat appends the string form of f to dst.
func AppendFloat(dst []byte, f float64, fmt byte, prec, bitSize int) []byte {
	return append(dst, FormatFloat(f, fmt, prec, bitSize)...)
}
