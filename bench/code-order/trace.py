# Which functions of a binary run, in the order they first run.
#
# Two parts, both driven by bench/code-order/run.sh:
#
#   python3 trace.py patch BINARY OUT ORIGINALS
#       copies BINARY to OUT with a breakpoint instruction (int3) on the first
#       byte of every function in .text, and writes each patched address, its
#       first byte and its symbol names to ORIGINALS (JSON);
#
#   gdb -batch -x trace.py --args OUT serve ...   (with TRACE_ORIGINALS and
#   TRACE_OUT in the environment)
#       runs OUT under gdb; each time a thread stops on one of those int3s the
#       first byte is put back, the thread resumes at the function's start, and
#       the function is written down. Each function traps once, so the run is
#       slowed only by the number of distinct functions it calls. When the
#       program exits, TRACE_OUT gets the names in first-call order.
#
# The list is what lld's --symbol-ordering-file wants: placing the code that
# start-up and the first pages run side by side keeps the kernel from mapping
# most of the binary's text (it maps 64 KB around each page that faults).
import json
import os
import struct
import subprocess
import sys


def text_section(path):
    """(virtual address, file offset, size) of the binary's .text section."""
    with open(path, "rb") as f:
        data = f.read()
    if data[:4] != b"\x7fELF" or data[4] != 2:
        sys.exit(f"{path}: not a 64-bit ELF file")
    (shoff,) = struct.unpack_from("<Q", data, 0x28)
    shentsize, shnum, shstrndx = struct.unpack_from("<HHH", data, 0x3A)

    def section(i):
        return struct.unpack_from("<IIQQQQIIQQ", data, shoff + i * shentsize)

    names = section(shstrndx)[4]
    for i in range(shnum):
        name, _, _, addr, offset, size, *_ = section(i)
        end = data.index(b"\0", names + name)
        if data[names + name : end] == b".text":
            return addr, offset, size
    sys.exit(f"{path}: no .text section")


def patch(binary, out, originals):
    addr, offset, size = text_section(binary)
    nm = subprocess.run(
        ["nm", "--defined-only", binary], check=True, capture_output=True, text=True
    ).stdout
    functions = {}
    for line in nm.splitlines():
        parts = line.split(" ", 2)
        if len(parts) != 3 or parts[1] not in "tTwW":
            continue
        a = int(parts[0], 16)
        if addr <= a < addr + size:
            functions.setdefault(a, []).append(parts[2])
    with open(binary, "rb") as f:
        image = bytearray(f.read())
    table = {}
    for a, names in functions.items():
        at = a - addr + offset
        table[a] = [image[at], names]
        image[at] = 0xCC
    with open(out, "wb") as f:
        f.write(image)
    os.chmod(out, 0o755)
    with open(originals, "w") as f:
        json.dump({str(a): v for a, v in table.items()}, f)
    print(f"{len(table)} functions patched in {out}", file=sys.stderr)


def trace():
    import gdb  # only inside gdb

    with open(os.environ["TRACE_ORIGINALS"]) as f:
        table = {int(a): v for a, v in json.load(f).items()}
    # Per process (gdb inferior number): the load address, the functions
    # restored, and the names in first-call order. `serve --demo` loads the
    # demo in a child process of the same binary, which is followed too.
    base, restored, order = {}, {}, {}
    for command in [
        "set pagination off",
        "set confirm off",
        "set print thread-events off",
        "set print inferior-events off",
        "set detach-on-fork off",
        "set follow-fork-mode parent",
        "set schedule-multiple on",
        "handle SIGTRAP stop print nopass",
        "handle SIGPIPE nostop noprint pass",
        "handle SIGTERM nostop noprint pass",
        "handle SIGINT nostop noprint pass",
        "handle SIGCHLD nostop noprint pass",
    ]:
        gdb.execute(command)
    gdb.execute("run", to_string=True)
    while True:
        live = [i for i in gdb.inferiors() if i.pid != 0]
        if not live:
            break
        inferior = gdb.selected_inferior()
        if inferior.pid == 0:
            gdb.execute(f"inferior {live[0].num}", to_string=True)
        else:
            n = inferior.num
            if n not in base:
                exe = os.path.realpath(inferior.progspace.filename)
                with open(f"/proc/{inferior.pid}/maps") as maps:
                    for line in maps:
                        fields = line.split()
                        if len(fields) >= 6 and fields[5] == exe and int(fields[2], 16) == 0:
                            base[n] = int(fields[0].split("-")[0], 16)
                            break
                restored[n] = set()
                order[n] = []
            pc = int(gdb.parse_and_eval("$pc")) - 1
            entry = table.get(pc - base.get(n, 0))
            if entry is not None:
                if pc not in restored[n]:
                    inferior.write_memory(pc, bytes([entry[0]]))
                    restored[n].add(pc)
                    order[n].extend(entry[1])
                gdb.execute(f"set $pc = {pc}")
        try:
            gdb.execute("continue", to_string=True)
        except gdb.error:
            if not any(i.pid != 0 for i in gdb.inferiors()):
                break
    # The first process's functions first (the server), then what only the
    # others ran.
    seen, names = set(), []
    for n in sorted(order):
        for name in order[n]:
            if name not in seen:
                seen.add(name)
                names.append(name)
    with open(os.environ["TRACE_OUT"], "w") as f:
        f.write("".join(name + "\n" for name in names))


if __name__ == "__main__" and len(sys.argv) == 5 and sys.argv[1] == "patch":
    patch(*sys.argv[2:])
else:
    trace()
