r"""Optimizers as pure ``init`` / ``update`` pairs, in the style of optax.

An optimizer is an immutable object with two pure methods::

    state = opt.init(params)
    updates, state = opt.update(grads, state)
    params = params + updates

Nothing the caller holds is mutated, so a page can keep every state and plot the
running averages over time. States are small ``NamedTuple``\ s (picklable).

The formulation is the one of the deeplearning.ai course; all averages start at 0:

=========  ==============================================================
gd         x ← x − α·g
momentum   v ← β·v + (1−β)·g;  x ← x − α·v
rmsprop    s ← β·s + (1−β)·g²;  x ← x − α·g / (√s + ε)
adam       v, s as above (β₁, β₂); v̂ = v/(1−β₁ᵗ), ŝ = s/(1−β₂ᵗ);  x ← x − α·v̂/(√ŝ + ε)
=========  ==============================================================

Adam is literally momentum's average of the gradients plus RMSprop's average of
the squared gradients plus bias correction: all three use :func:`ewa_update`
and :func:`debias` from :mod:`optim_core.ewa`.

Each class holds both forms of its rule side by side: the pure ``update`` and
``kernel(x, g, buf, t)``, the in-place step :func:`optim_core.run` uses on
coordinate-major ``(d, N)`` buffers. ``buf`` has ``tmp`` (scratch), ``v`` and ``s``
(zeros at the start). The kernels keep each average divided by ``(1 − β)``:
``u = v/(1−β)`` obeys ``u ← β·u + g``, one multiplication fewer per step, and the
constant is folded back into the step size; a test checks both forms agree.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

import numpy as np

from optim_core import checks
from optim_core.ewa import debias, ewa_update


class GDState(NamedTuple):
    """Plain gradient descent keeps no state."""


class MomentumState(NamedTuple):
    v: np.ndarray  # EWA of the gradients


class RMSPropState(NamedTuple):
    s: np.ndarray  # EWA of the squared gradients


class AdamState(NamedTuple):
    count: int  # number of updates taken so far (t of the last update)
    v: np.ndarray  # EWA of the gradients (first moment)
    s: np.ndarray  # EWA of the squared gradients (second moment)


def _zeros(params) -> np.ndarray:
    return np.zeros(np.shape(params), dtype=np.float64)


@dataclass(frozen=True)
class GradientDescent:
    r"""Gradient descent, ``x ← x − lr·g``. PyTorch: ``torch.optim.SGD(lr=lr)``."""

    lr: float = 0.1
    name = "gd"

    def __post_init__(self):
        object.__setattr__(self, "lr", checks.positive(self.lr, "lr"))

    def init(self, params) -> GDState:
        return GDState()

    def update(self, grads, state: GDState):
        return -self.lr * np.asarray(grads, dtype=np.float64), state

    def kernel(self, x, g, buf, t) -> None:
        """In place: ``x ← x − α·g``."""
        np.multiply(g, self.lr, out=buf.tmp)
        x -= buf.tmp


@dataclass(frozen=True)
class Momentum:
    r"""Gradient descent with momentum: ``v ← β·v + (1−β)·g``, ``x ← x − lr·v``.

    The step follows the exponentially weighted average of the gradients, so
    components that flip sign cancel and steady ones build up.
    PyTorch: ``torch.optim.SGD(lr=lr*(1-beta), momentum=beta)`` (exactly, because
    both start the velocity at 0; ``dampening=beta`` would not, since torch then
    starts its buffer at the first gradient).
    """

    lr: float = 0.1
    beta: float = 0.9
    name = "momentum"

    def __post_init__(self):
        object.__setattr__(self, "lr", checks.positive(self.lr, "lr"))
        object.__setattr__(self, "beta", checks.beta(self.beta, "beta"))

    def init(self, params) -> MomentumState:
        return MomentumState(v=_zeros(params))

    def update(self, grads, state: MomentumState):
        v = ewa_update(state.v, np.asarray(grads, dtype=np.float64), self.beta)
        return -self.lr * v, MomentumState(v=v)

    @staticmethod
    def average_(u, g, beta: float) -> None:
        """In place: ``u ← β·u + g``, the scaled average of the gradients (``v = (1−β)·u``)."""
        u *= beta
        u += g

    def kernel(self, x, g, buf, t) -> None:
        """In place: ``x ← x − α·(1−β)·u`` after :meth:`average_`."""
        self.average_(buf.v, g, self.beta)
        np.multiply(buf.v, self.lr * (1.0 - self.beta), out=buf.tmp)
        x -= buf.tmp


@dataclass(frozen=True)
class RMSProp:
    r"""RMSprop: ``s ← β·s + (1−β)·g²``, ``x ← x − lr·g / (√s + ε)``.

    Dividing by the root of the averaged squared gradient shrinks the step along
    directions that oscillate strongly and widens it along quiet ones. No bias
    correction, so the first step is about ``lr/√(1−β)`` per coordinate.
    PyTorch: ``torch.optim.RMSprop(lr=lr, alpha=beta, eps=eps)``.
    """

    lr: float = 0.01
    beta: float = 0.9
    eps: float = 1e-8
    name = "rmsprop"

    def __post_init__(self):
        object.__setattr__(self, "lr", checks.positive(self.lr, "lr"))
        object.__setattr__(self, "beta", checks.beta(self.beta, "beta"))
        object.__setattr__(self, "eps", checks.positive(self.eps, "eps"))

    def init(self, params) -> RMSPropState:
        return RMSPropState(s=_zeros(params))

    def update(self, grads, state: RMSPropState):
        g = np.asarray(grads, dtype=np.float64)
        s = ewa_update(state.s, g * g, self.beta)
        return -self.lr * g / (np.sqrt(s) + self.eps), RMSPropState(s=s)

    @staticmethod
    def average_(w, g, beta: float, tmp) -> None:
        """In place: ``w ← β·w + g²``, the scaled average of the squares (``s = (1−β)·w``)."""
        w *= beta
        np.square(g, out=tmp)
        w += tmp

    def kernel(self, x, g, buf, t) -> None:
        """In place: with ``s = (1−β)·w``, ``g/(√s + ε) = g/(√w + ε/√(1−β)) / √(1−β)``."""
        root = np.sqrt(1.0 - self.beta)
        tmp = buf.tmp
        self.average_(buf.s, g, self.beta, tmp)
        np.sqrt(buf.s, out=tmp)
        tmp += self.eps / root
        np.divide(g, tmp, out=tmp)
        tmp *= self.lr / root
        x -= tmp


@dataclass(frozen=True)
class Adam:
    r"""Adam (Kingma & Ba 2015, Algorithm 1): momentum + RMSprop + bias correction.

    ``v ← β₁·v + (1−β₁)·g``, ``s ← β₂·s + (1−β₂)·g²``, ``t ← t+1``,
    ``v̂ = v/(1−β₁ᵗ)``, ``ŝ = s/(1−β₂ᵗ)``, ``x ← x − lr·v̂/(√ŝ + ε)``.
    With correction the first step moves each coordinate by ``lr·|g|/(|g|+ε)``.
    PyTorch: ``torch.optim.Adam(lr=lr, betas=(beta1, beta2), eps=eps)``.
    """

    lr: float = 0.001
    beta1: float = 0.9
    beta2: float = 0.999
    eps: float = 1e-8
    bias_correction: bool = True
    name = "adam"

    def __post_init__(self):
        object.__setattr__(self, "lr", checks.positive(self.lr, "lr"))
        object.__setattr__(self, "beta1", checks.beta(self.beta1, "beta1"))
        object.__setattr__(self, "beta2", checks.beta(self.beta2, "beta2"))
        object.__setattr__(self, "eps", checks.positive(self.eps, "eps"))
        object.__setattr__(self, "bias_correction", bool(self.bias_correction))

    def init(self, params) -> AdamState:
        return AdamState(count=0, v=_zeros(params), s=_zeros(params))

    def update(self, grads, state: AdamState):
        g = np.asarray(grads, dtype=np.float64)
        count = state.count + 1
        v = ewa_update(state.v, g, self.beta1)  # momentum's average of gradients
        s = ewa_update(state.s, g * g, self.beta2)  # RMSprop's average of squares
        if self.bias_correction:
            v_hat, s_hat = debias(v, self.beta1, count), debias(s, self.beta2, count)
        else:
            v_hat, s_hat = v, s
        return -self.lr * v_hat / (np.sqrt(s_hat) + self.eps), AdamState(count, v, s)

    def kernel(self, x, g, buf, t) -> None:
        """In place: momentum's piece, RMSprop's piece, then :func:`debias` of both.

        With ``v = (1−β₁)·u`` and ``s = (1−β₂)·w`` the corrected averages are
        ``v̂ = a·u`` and ``ŝ = b·w`` (``a = debias(1−β₁, β₁, t)``, ``b = debias(1−β₂, β₂, t)``),
        so ``v̂/(√ŝ + ε) = (a/√b)·u / (√w + ε/√b)``.
        """
        tmp = buf.tmp
        Momentum.average_(buf.v, g, self.beta1)  # momentum's average of the gradients
        RMSProp.average_(buf.s, g, self.beta2, tmp)  # RMSprop's average of the squares
        if self.bias_correction:
            a, b = debias(1.0 - self.beta1, self.beta1, t), debias(1.0 - self.beta2, self.beta2, t)
        else:
            a, b = 1.0 - self.beta1, 1.0 - self.beta2
        root_b = np.sqrt(b)
        np.sqrt(buf.s, out=tmp)
        tmp += self.eps / root_b
        np.divide(buf.v, tmp, out=tmp)
        tmp *= self.lr * a / root_b
        x -= tmp


def gd(lr: float = 0.1) -> GradientDescent:
    """Plain gradient descent (default ``lr = 0.1``)."""
    return GradientDescent(lr)


def momentum(lr: float = 0.1, beta: float = 0.9) -> Momentum:
    """Momentum (defaults ``lr = 0.1``, ``beta = 0.9``)."""
    return Momentum(lr, beta)


def rmsprop(lr: float = 0.01, beta: float = 0.9, eps: float = 1e-8) -> RMSProp:
    """RMSprop (defaults ``lr = 0.01``, ``beta = 0.9``, ``eps = 1e-8``)."""
    return RMSProp(lr, beta, eps)


def adam(
    lr: float = 0.001,
    beta1: float = 0.9,
    beta2: float = 0.999,
    eps: float = 1e-8,
    bias_correction: bool = True,
) -> Adam:
    """Adam (defaults of the paper: ``lr = 0.001``, ``0.9``, ``0.999``, ``1e-8``)."""
    return Adam(lr, beta1, beta2, eps, bias_correction)


BUILT_IN = (GradientDescent, Momentum, RMSProp, Adam)
