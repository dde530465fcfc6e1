"""PyTorch autograd (one thread, float64) on the sigmoid belief net's log joint

    L(w) = sum_m s_m log sigma(a_m) + (1 - s_m) log(1 - sigma(a_m)),  a = W s,

on a dense random DAG of n units (w_mk != 0 exactly when k precedes m in a
random order, uniform in +-2/sqrt(n); s random 0/1), written as the
derivation writes it (log of sigma, log of 1 - sigma). Prints one JSON line
per n: the median milliseconds of forward + backward (W.grad from
L.backward()) and the least CPU milliseconds of one call over the timed
batches (process_time: what the machine's load does not inflate), and the
largest difference from the analytic gradient s_j (s_i - sigma(a_i)) (a
benchmark of a wrong gradient is worthless). The same measurement as
bench/sbn-gradient.bench.mjs makes of the tape.
Usage: /usr/bin/python3 sbn_torch.py N [N ...]
"""
import json
import sys
import time

import torch

torch.set_num_threads(1)
torch.set_grad_enabled(True)


def network(n, seed):
    g = torch.Generator().manual_seed(seed)
    rank = torch.randperm(n, generator=g)
    mask = (rank.unsqueeze(0) < rank.unsqueeze(1)).to(torch.float64)  # mask[m, k] = rank k < rank m
    w = (2 * torch.rand(n, n, generator=g, dtype=torch.float64) - 1) * (2 / n ** 0.5) * mask
    s = (torch.rand(n, generator=g) < 0.5).to(torch.float64)
    return w, s


def step(w, s):
    w.grad = None
    p = torch.sigmoid(w @ s)
    loss = (s * torch.log(p) + (1 - s) * torch.log(1 - p)).sum()
    loss.backward()
    return loss


def timing(fn, target_ms=300.0, warmup_ms=100.0, min_repeats=5):
    """(median wall ms, least CPU ms) of one call, over batches of calls of at least 1 ms"""
    start = time.perf_counter()
    calls = 0
    while (time.perf_counter() - start) * 1000 < warmup_ms or calls < min_repeats:
        fn()
        calls += 1
    once = (time.perf_counter() - start) * 1000 / calls
    batch = max(1, int(1 / once) + 1) if once < 1 else 1
    repeats = max(min_repeats, min(200, int(target_ms / (once * batch)) + 1))
    wall, cpu = [], []
    for _ in range(repeats):
        t0, c0 = time.perf_counter(), time.process_time()
        for _ in range(batch):
            fn()
        wall.append((time.perf_counter() - t0) * 1000 / batch)
        cpu.append((time.process_time() - c0) * 1000 / batch)
    wall.sort()
    return wall[len(wall) // 2], min(cpu)


for arg in sys.argv[1:]:
    n = int(arg)
    w0, s = network(n, 20240601 + n)
    w = w0.clone().requires_grad_(True)
    ms, cpu = timing(lambda: step(w, s))
    step(w, s)
    with torch.no_grad():
        analytic = torch.outer(s - torch.sigmoid(w0 @ s), s)
        worst = float((w.grad - analytic).abs().max())
    print(json.dumps({"n": n, "ms": ms, "cpu": cpu, "worst": worst, "torch": torch.__version__, "threads": torch.get_num_threads()}))
