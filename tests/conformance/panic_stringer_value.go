package main

type E string

func (e E) Error() string { return "E:" + string(e) }

func main() {
	panic(E("typed"))
}
