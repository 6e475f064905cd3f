package org.paragrade.sandbox.seccomp;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BpfTest {
    @Test
    void encodesStructSockFilterLittleEndian() {
        byte[] b = Bpf.encode(List.of(new Bpf.Insn(Bpf.JEQ_K, 1, 2, 0xc000003e)));
        assertThat(b).containsExactly(0x15, 0x00, 0x01, 0x02, 0x3e, 0x00, 0x00, 0xc0);
        assertThat(Bpf.decode(b)).containsExactly(new Bpf.Insn(Bpf.JEQ_K, 1, 2, 0xc000003e));
    }

    @Test
    void resolvesLabelsToForwardOffsets() {
        List<Bpf.Insn> p = new Bpf.Assembler()
                .load(0).jump(Bpf.JEQ_K, 7, "yes", null).jumpAlways("no")
                .label("yes").ret(1).label("no").ret(2).assemble();
        assertThat(p).containsExactly(new Bpf.Insn(Bpf.LD_W_ABS, 0, 0, 0), new Bpf.Insn(Bpf.JEQ_K, 1, 0, 7),
                new Bpf.Insn(Bpf.JA, 0, 0, 1), new Bpf.Insn(Bpf.RET_K, 0, 0, 1), new Bpf.Insn(Bpf.RET_K, 0, 0, 2));
        assertThat(BpfInterpreter.run(p, 0, 7)).isEqualTo(1);
        assertThat(BpfInterpreter.run(p, 0, 8)).isEqualTo(2);
    }

    @Test
    void refusesBackwardJumpsUnplacedLabelsTooFarJumpsAndAMissingReturn() {
        assertThatThrownBy(() -> new Bpf.Assembler().label("top").load(0).jump(Bpf.JEQ_K, 1, "top", null).ret(0)
                .assemble()).hasMessageContaining("backward");
        assertThatThrownBy(() -> new Bpf.Assembler().load(0).jump(Bpf.JEQ_K, 1, "nowhere", null).ret(0).assemble())
                .hasMessageContaining("never placed");
        Bpf.Assembler far = new Bpf.Assembler().load(0).jump(Bpf.JEQ_K, 1, "end", null);
        for (int i = 0; i < 256; i++) {
            far.ret(0);
        }
        assertThatThrownBy(() -> far.label("end").ret(1).assemble()).hasMessageContaining("spans 256");
        assertThatThrownBy(() -> new Bpf.Assembler().load(0).assemble()).hasMessageContaining("return");
        assertThatThrownBy(() -> new Bpf.Assembler().load(0).jump(Bpf.JEQ_K, 1, "end", null).label("end")
                .assemble()).isInstanceOf(IllegalStateException.class);
    }
}
