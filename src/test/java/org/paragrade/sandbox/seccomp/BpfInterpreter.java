package org.paragrade.sandbox.seccomp;

import java.util.List;

/**
 * Runs a seccomp program as the kernel would, on one struct seccomp_data: the instructions of {@link Bpf}
 * and the few more libseccomp emits (any other opcode fails the test), unsigned comparisons, forward jumps, a return at the end of every path.
 */
final class BpfInterpreter {
    /** Besides {@link Bpf}'s own: what libseccomp's programs also use (for the cross-check only). */
    static final int ALU_AND_K = 0x54;
    static final int MISC_TAX = 0x07;
    static final int MISC_TXA = 0x87;

    private BpfInterpreter() {
    }

    /** The filter's return value for a call with this arch, number and arguments (missing arguments are 0). */
    static int run(List<Bpf.Insn> program, int arch, int nr, long... args) {
        long[] a6 = new long[6];
        System.arraycopy(args, 0, a6, 0, args.length);
        int acc = 0;
        int x = 0;
        int pc = 0;
        while (true) {
            if (pc >= program.size()) {
                throw new AssertionError("ran off the end of the program");
            }
            Bpf.Insn i = program.get(pc);
            switch (i.code()) {
                case Bpf.LD_W_ABS -> {
                    acc = word(i.k(), arch, nr, a6);
                    pc++;
                }
                case Bpf.JA -> pc += 1 + i.k();
                case Bpf.JEQ_K -> pc += 1 + (acc == i.k() ? i.jt() : i.jf());
                case Bpf.JGT_K -> pc += 1 + (Integer.compareUnsigned(acc, i.k()) > 0 ? i.jt() : i.jf());
                case Bpf.JGE_K -> pc += 1 + (Integer.compareUnsigned(acc, i.k()) >= 0 ? i.jt() : i.jf());
                case Bpf.JSET_K -> pc += 1 + ((acc & i.k()) != 0 ? i.jt() : i.jf());
                case ALU_AND_K -> {
                    acc &= i.k();
                    pc++;
                }
                case MISC_TAX -> {
                    x = acc;
                    pc++;
                }
                case MISC_TXA -> {
                    acc = x;
                    pc++;
                }
                case Bpf.RET_K -> {
                    return i.k();
                }
                default -> throw new AssertionError("opcode " + i.code() + " at " + pc);
            }
        }
    }

    private static int word(int offset, int arch, int nr, long[] args) {
        if (offset == SeccompFilter.OFF_NR) {
            return nr;
        }
        if (offset == SeccompFilter.OFF_ARCH) {
            return arch;
        }
        if (offset >= SeccompFilter.OFF_ARGS && offset < SeccompFilter.OFF_ARGS + 48 && offset % 4 == 0) {
            long arg = args[(offset - SeccompFilter.OFF_ARGS) / 8];
            return (offset % 8 == 0) ? (int) arg : (int) (arg >>> 32);
        }
        throw new AssertionError("load from offset " + offset + " (instruction pointer or outside seccomp_data)");
    }
}
