package main

import (
	"fmt"
	"time"
)

func main() {
	ts := []int64{0, 1, 86399, 951782400, 951868800, 1234567890, 1700000000, -1, -86401, 253402300799, -62135596800, 4102444800}
	layouts := []string{time.RFC1123, "Mon, 02 Jan 2006 15:04:05 GMT", time.RFC3339Nano, time.ANSIC, time.Kitchen, time.StampMilli, "2006-01-02 002 __2 _2 3pm .999 ,000 Janet Month _2006", time.RFC850, time.Layout}
	for _, s := range ts {
		t := time.Unix(s, 123450000).UTC()
		for _, l := range layouts {
			fmt.Println(t.Format(l))
		}
		y, m, d := t.Date()
		fmt.Println(y, m, d, t.YearDay(), t.Weekday(), t.Hour(), t.Minute(), t.Second(), t)
	}
	d := time.Date(2023, 14, 35, 25, 61, 61, 1500000000, time.UTC)
	fmt.Println(d, d.Unix())
	fmt.Println(time.Date(2000, 2, 29, 0, 0, 0, 0, time.UTC).Unix(), time.Month(13), time.Weekday(-1), time.Month(-2))
}
