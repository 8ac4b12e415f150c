import Foundation
import SimCLI

// Standard output is a pipe in most uses; buffer it fully and flush at exit.
setvbuf(stdout, nil, _IOFBF, 1 << 16)
let status = Simctl.main(Array(CommandLine.arguments.dropFirst()), console: Console.process())
exit(status)
