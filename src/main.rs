fn main() -> std::process::ExitCode {
    balances::app::main()
}
