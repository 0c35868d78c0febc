package main

import (
	"fmt"
	"net"
)

func main() {
	for _, s := range []string{"127.0.0.1", "0.0.0.0", "255.255.255.255", "256.1.1.1", "1.2.3", "1.2.3.4.5", "01.2.3.4", "1.2.3.4 ",
		"::", "::1", "1::", "1::2", "2001:db8::1", "2001:db8:0:0:1:0:0:1", "2001:0db8:0000:0000:0000:0000:0000:0001",
		"1:2:3:4:5:6:7:8", "1:2:3:4:5:6:7:8:9", "1:2:3:4:5:6:7::", "::ffff:10.0.0.1", "::10.0.0.1", "1::2::3", "12345::", ":1", "1:", "fe80::AbCd",
		"0:0:1:0:0:0:1:0", "1:0:0:2:0:0:3:4", "", "abc", "1:2:3:4:5:6:1.2.3.4", "1:2:3:4:5:6:7:1.2.3.4"} {
		ip := net.ParseIP(s)
		fmt.Printf("%q -> %v len=%d v4=%v loop=%v unspec=%v\n", s, ip, len(ip), ip.To4() != nil, ip.IsLoopback(), ip.IsUnspecified())
	}
	fmt.Println(net.IPv4(10, 1, 2, 3), net.IPv4zero, net.IPv6zero, net.IP(nil), net.IP{1, 2, 3}, net.IP{10, 0, 0, 1}.To16())
	fmt.Println(net.IPv4(1, 2, 3, 4).Equal(net.IP{1, 2, 3, 4}), net.IP{1, 2, 3}.Equal(net.IP{1, 2, 3}), net.ParseIP("::1").Equal(net.IPv6zero))
}
