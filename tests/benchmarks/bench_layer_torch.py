"""The layer statistics against real PyTorch networks, each initialisation as PyTorch applies it.

Run on demand, where torch is installed (it is never a dependency of leaky_gui):

    python tests/benchmarks/bench_layer_torch.py [--width 128] [--depth 20] [--nets 400]
        [--batch 8] [--alpha 0.01 0.2 -0.5] [--init NAME ...] [--seed 0]

Builds ``nets`` networks x -> LeakyReLU(alpha) -> Linear(n, n, bias=False) -> ... (``depth``
times, h_0 = x ~ N(mean, std**2) per unit, h_l the output of the l-th Linear), initialises
every weight as PyTorch does for each name:

    he               nn.init.kaiming_normal_(w, a=alpha)
    kaiming-default  nn.init.kaiming_normal_(w)                    (a = 0)
    torch-default    nn.Linear's own reset_parameters              (kaiming_uniform_(a=sqrt(5)))
    xavier           nn.init.xavier_normal_(w)
    lecun            nn.init.kaiming_normal_(w, nonlinearity='linear')   (std 1/sqrt(fan_in))
    gain=1.2         nn.init.xavier_normal_(w, gain=1.2)

and measures E[h_l**2] (over units, the batch and the networks) at depths 1, 2, 5, 10 and
``depth``, and E[(d loss/dx)**2] for loss = sum(v * h_L), v ~ N(0, 1), for networks cut at
the same depths (autograd). Each is printed as measured/ours for the squared ratios
(std_ratio**2 * std**2 and grad_std_ratio**2), with the standard error of the mean over
networks; a line is marked '!' when it is more than 5 standard errors from 1. Exit status 1
if any is.
"""

from __future__ import annotations

import argparse
import math
import sys
from decimal import Decimal

try:
    import torch
    from torch import nn
except ImportError:  # pragma: no cover - run only where torch is
    print("torch is not installed: nothing to compare (pip install torch)", file=sys.stderr)
    raise SystemExit(0) from None

from leaky_gui.calc.layer_stats import LayerParams, depth_ratios

INITS = ("he", "kaiming-default", "torch-default", "xavier", "lecun", "gain=1.2")
MOMENTS = ((0.0, 1.0), (0.5, 2.0), (-1.0, 1.0))


def initialised_weight(width: int, init: str, alpha: float) -> torch.Tensor:
    """One layer's weight as PyTorch's own calls leave it (a fresh Linear's is torch-default)."""
    linear = nn.Linear(width, width, bias=False)
    w = linear.weight
    with torch.no_grad():
        if init == "he":
            nn.init.kaiming_normal_(w, a=alpha)
        elif init == "kaiming-default":
            nn.init.kaiming_normal_(w)
        elif init == "torch-default":
            pass
        elif init == "xavier":
            nn.init.xavier_normal_(w)
        elif init == "lecun":
            nn.init.kaiming_normal_(w, nonlinearity="linear")
        elif init.startswith("gain="):
            nn.init.xavier_normal_(w, gain=float(init[5:]))
        else:
            raise ValueError(init)
    return w.detach()


def measure(alpha: float, mean: float, std: float, init: str, args: argparse.Namespace, depths: list[int]):
    """Per network: E[h_d**2] and E[(dloss_d/dx)**2] / E[v**2] at each depth d.

    The networks run side by side (one batched matmul a layer); each weight is made by
    its own Linear and init call, then stacked.
    """
    weights = [
        torch.stack([initialised_weight(args.width, init, alpha) for _ in range(args.nets)])
        for _ in range(args.depth)
    ]
    act = nn.LeakyReLU(alpha)
    x = (mean + std * torch.randn(args.nets, args.batch, args.width)).requires_grad_(True)
    h = x
    outputs = []
    for w in weights:
        h = act(h) @ w.transpose(1, 2)  # Linear: act(h) @ W^T
        outputs.append(h)
    forward = torch.stack([outputs[d - 1].detach().square().mean(dim=(1, 2)) for d in depths], dim=1)
    backward = torch.empty_like(forward)
    for column, d in enumerate(depths):
        top = outputs[d - 1]
        v = torch.randn_like(top)
        (grad,) = torch.autograd.grad((top * v).sum(), x, retain_graph=True)
        backward[:, column] = grad.square().mean(dim=(1, 2)) / v.square().mean(dim=(1, 2))
    return forward, backward


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--width", type=int, default=128)
    parser.add_argument("--depth", type=int, default=20)
    parser.add_argument("--nets", type=int, default=400)
    parser.add_argument("--batch", type=int, default=8)
    parser.add_argument("--alpha", nargs="+", default=["0.01", "0.2", "-0.5"])
    parser.add_argument("--init", nargs="+", default=list(INITS), choices=INITS)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    torch.manual_seed(args.seed)
    torch.set_num_threads(1)
    torch.set_default_dtype(torch.float64)
    depths = sorted({d for d in (1, 2, 5, 10, args.depth) if d <= args.depth})
    print(
        f"torch {torch.__version__}; width {args.width}, {args.nets} networks x {args.batch} inputs; "
        "measured/ours for E[h_d^2] (signal) and E[g_0^2]/E[g_d^2] (gradient), +- 1 standard error"
    )
    print(f"{'init':16} {'alpha':>6} {'mean':>5} {'std':>4} {'d':>3} {'signal':>17} {'gradient':>17}")
    far = 0
    worst = 0.0
    for init in args.init:
        for alpha_text in args.alpha:
            alpha = float(alpha_text)
            for mean, std in MOMENTS:
                params = LayerParams.from_text(Decimal(repr(mean)), Decimal(repr(std)), args.depth, init)
                signal, gradient = depth_ratios(Decimal(alpha_text), params)
                forward, backward = measure(alpha, mean, std, init, args, depths)
                for column, d in enumerate(depths):
                    cells = []
                    for samples, ours in (
                        (forward[:, column] / std**2, signal[d] ** 2),
                        (backward[:, column], gradient[d] ** 2),
                    ):
                        ratio = samples.mean().item() / ours
                        error = samples.std().item() / math.sqrt(args.nets) / ours
                        off = abs(ratio - 1) > 5 * error
                        far += off
                        worst = max(worst, abs(ratio - 1))
                        cells.append(f"{ratio:8.4f} +-{error:6.4f}{'!' if off else ' '}")
                    print(
                        f"{init:16} {alpha_text:>6} {mean:5g} {std:4g} {d:3d} {cells[0]} {cells[1]}",
                        flush=True,
                    )
    print(
        f"{far} of the comparisons are more than 5 standard errors from 1; the largest |measured/ours - 1| is {worst:.4f}"
    )
    return 1 if far else 0


if __name__ == "__main__":
    raise SystemExit(main())
