package org.paragrade.sandbox.seccomp;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The part of classic BPF a seccomp filter needs, and a small assembler for it: labels instead of hand-counted
 * jump offsets, forward jumps only (the kernel refuses backward ones), each offset checked to fit its field.
 * {@link #encode} gives the kernel's {@code struct sock_filter} array ({@code u16 code, u8 jt, u8 jf, u32 k},
 * little-endian as on x86_64), which is what {@code bwrap --seccomp FD} reads.
 */
public final class Bpf {
    public static final int LD_W_ABS = 0x20;   // BPF_LD | BPF_W | BPF_ABS: A = 32-bit word at offset k of seccomp_data
    public static final int JA = 0x05;         // BPF_JMP | BPF_JA: pc += k
    public static final int JEQ_K = 0x15;      // BPF_JMP | BPF_JEQ | BPF_K: A == k
    public static final int JGT_K = 0x25;      // BPF_JMP | BPF_JGT | BPF_K: A > k (unsigned)
    public static final int JGE_K = 0x35;      // BPF_JMP | BPF_JGE | BPF_K: A >= k (unsigned)
    public static final int JSET_K = 0x45;     // BPF_JMP | BPF_JSET | BPF_K: (A & k) != 0
    public static final int RET_K = 0x06;      // BPF_RET | BPF_K: return k
    /** The kernel's limit on one filter (BPF_MAXINSNS). */
    public static final int MAX_INSNS = 4096;

    private Bpf() {
    }

    /** One {@code struct sock_filter}. */
    public record Insn(int code, int jt, int jf, int k) {
        public Insn {
            if (code < 0 || code > 0xffff || jt < 0 || jt > 0xff || jf < 0 || jf > 0xff) {
                throw new IllegalArgumentException("instruction out of range: " + code + " " + jt + " " + jf);
            }
        }
    }

    public static byte[] encode(List<Insn> program) {
        ByteBuffer out = ByteBuffer.allocate(program.size() * 8).order(ByteOrder.LITTLE_ENDIAN);
        for (Insn i : program) {
            out.putShort((short) i.code()).put((byte) i.jt()).put((byte) i.jf()).putInt(i.k());
        }
        return out.array();
    }

    public static List<Insn> decode(byte[] bytes) {
        if (bytes.length % 8 != 0) {
            throw new IllegalArgumentException("a BPF program is a multiple of 8 bytes, not " + bytes.length);
        }
        ByteBuffer in = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        List<Insn> program = new ArrayList<>();
        while (in.hasRemaining()) {
            int code = in.getShort() & 0xffff;
            int jt = in.get() & 0xff;
            int jf = in.get() & 0xff;
            program.add(new Insn(code, jt, jf, in.getInt()));
        }
        return program;
    }

    /**
     * Builds a program from instructions and labels. A jump target is a label, or {@code null} for "the next
     * instruction". Labels may be used before they are placed; {@link #assemble} resolves them.
     */
    public static final class Assembler {
        private record Pending(int code, String jt, String jf, int k) {
        }

        private final List<Pending> code = new ArrayList<>();
        private final Map<String, Integer> labels = new HashMap<>();

        public Assembler label(String name) {
            if (labels.putIfAbsent(name, code.size()) != null) {
                throw new IllegalArgumentException("label placed twice: " + name);
            }
            return this;
        }

        /** A = the 32-bit word at {@code offset} of struct seccomp_data. */
        public Assembler load(int offset) {
            code.add(new Pending(LD_W_ABS, null, null, offset));
            return this;
        }

        public Assembler jump(int op, int k, String ifTrue, String ifFalse) {
            if (op != JEQ_K && op != JGT_K && op != JGE_K && op != JSET_K) {
                throw new IllegalArgumentException("not a conditional jump: " + op);
            }
            code.add(new Pending(op, ifTrue, ifFalse, k));
            return this;
        }

        public Assembler jumpAlways(String target) {
            code.add(new Pending(JA, target, null, 0));
            return this;
        }

        public Assembler ret(int value) {
            code.add(new Pending(RET_K, null, null, value));
            return this;
        }

        public List<Insn> assemble() {
            List<Insn> out = new ArrayList<>(code.size());
            for (int pc = 0; pc < code.size(); pc++) {
                Pending p = code.get(pc);
                if (p.code() == JA) {
                    out.add(new Insn(JA, 0, 0, offset(pc, p.jt(), Integer.MAX_VALUE)));
                } else if ((p.code() & 0x07) == 0x05) {
                    out.add(new Insn(p.code(), offset(pc, p.jt(), 0xff), offset(pc, p.jf(), 0xff), p.k()));
                } else {
                    out.add(new Insn(p.code(), 0, 0, p.k()));
                }
            }
            if (out.isEmpty() || out.size() > MAX_INSNS) {
                throw new IllegalStateException("a filter holds 1 to " + MAX_INSNS + " instructions, not " + out.size());
            }
            Insn last = out.get(out.size() - 1);
            if (last.code() != RET_K) {
                throw new IllegalStateException("a filter must end in a return");
            }
            return out;
        }

        private int offset(int pc, String label, int max) {
            if (label == null) {
                return 0;
            }
            Integer target = labels.get(label);
            if (target == null) {
                throw new IllegalStateException("label never placed: " + label);
            }
            int delta = target - pc - 1;
            if (delta < 0) {
                throw new IllegalStateException("backward jump to " + label + " (BPF jumps forward only)");
            }
            if (delta > max || target >= code.size()) {
                throw new IllegalStateException("jump to " + label + " spans " + delta + " instructions (max " + max + ")");
            }
            return delta;
        }
    }
}
