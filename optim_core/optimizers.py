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
nesterov   g taken at x − α·β·v;  then as momentum
rmsprop    s ← β·s + (1−β)·g²;  x ← x − α·g / (√s + ε)
adagrad    s ← s + g²;  x ← x − α·g / (√s + ε)
adam       v, s as above (β₁, β₂); v̂ = v/(1−β₁ᵗ), ŝ = s/(1−β₂ᵗ);  x ← x − α·v̂/(√ŝ + ε)
=========  ==============================================================

Adam is literally momentum's average of the gradients plus RMSprop's average of
the squared gradients plus bias correction: all three use :func:`ewa_update`
and :func:`debias` from :mod:`optim_core.ewa`.

Each class holds both forms of its rule side by side: the pure ``update`` and
``kernel(x, g, buf, t, scale=1.0)``, the in-place step :func:`optim_core.run` uses on
coordinate-major ``(d, N)`` buffers. ``buf`` has ``tmp`` (scratch), ``v`` and ``s``
(zeros at the start). The kernels keep each average divided by ``(1 − β)``:
``u = v/(1−β)`` obeys ``u ← β·u + g``, one multiplication fewer per step, and the
constant is folded back into the step size; a test checks both forms agree.

Every update is the learning rate times something that does not depend on it, so a
learning-rate schedule (or one rate per start) is a factor on the update: ``run``
multiplies the pure ``updates`` by the step's factor, and passes it to the kernel as
``scale`` (a number, or one number per start, shape ``(N,)``), which folds it into the
constant it already multiplies by: no extra pass over the buffers.

An optimizer whose gradient is not taken at ``x`` itself (Nesterov's look-ahead) has a
``lookahead(params, state, scale)`` method, the point where the next gradient is taken,
and its in-place twin ``lookahead_kernel(x, buf, scale)``; ``run`` calls them when they
exist, and ``params + updates`` stays the next point.
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


class AdaGradState(NamedTuple):
    s: np.ndarray  # running sum of the squared gradients (never forgets)


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

    def kernel(self, x, g, buf, t, scale=1.0) -> None:
        """In place: ``x ← x − α·g``."""
        np.multiply(g, self.lr * scale, out=buf.tmp)
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

    def kernel(self, x, g, buf, t, scale=1.0) -> None:
        """In place: ``x ← x − α·(1−β)·u`` after :meth:`average_`."""
        self.average_(buf.v, g, self.beta)
        np.multiply(buf.v, self.lr * (1.0 - self.beta) * scale, out=buf.tmp)
        x -= buf.tmp


@dataclass(frozen=True)
class Nesterov(Momentum):
    r"""Nesterov momentum: momentum whose gradient is taken at the look-ahead point.

    ``g = ∇f(x − lr·β·v)``, ``v ← β·v + (1−β)·g``, ``x ← x − lr·v``.

    Of the next step ``lr·v_new = lr·β·v + lr·(1−β)·g`` the first part is known before
    the gradient is: so the gradient is taken where that part leads, and a velocity that
    is about to overshoot feels the slope beyond the minimum one step early and brakes.
    The average and the step are momentum's (:class:`Momentum`'s ``update`` and
    ``kernel``); only :meth:`lookahead` and :meth:`lookahead_kernel` are new.
    PyTorch: ``torch.optim.SGD(lr=lr*(1-beta), momentum=beta, nesterov=True)``, whose
    parameters are exactly the look-ahead points ``x − lr·β·v`` of this form (torch
    rewrites the method so the gradient is taken at its own parameters); both start at
    the same point and end at the same limit.
    """

    name = "nesterov"

    def lookahead(self, params, state: MomentumState, scale=1.0) -> np.ndarray:
        """Where the next gradient is taken: ``x − (scale·lr)·β·v``."""
        return np.asarray(params, dtype=np.float64) - (self.lr * self.beta) * scale * state.v

    def lookahead_kernel(self, x, buf, scale=1.0) -> np.ndarray:
        """The look-ahead points ``x − lr·β·(1−β)·u`` (``v = (1−β)·u``), written into
        ``buf.tmp`` (free between kernels) and returned."""
        np.multiply(buf.v, self.lr * self.beta * (1.0 - self.beta) * scale, out=buf.tmp)
        np.subtract(x, buf.tmp, out=buf.tmp)
        return buf.tmp


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

    def kernel(self, x, g, buf, t, scale=1.0) -> None:
        """In place: with ``s = (1−β)·w``, ``g/(√s + ε) = g/(√w + ε/√(1−β)) / √(1−β)``."""
        root = np.sqrt(1.0 - self.beta)
        tmp = buf.tmp
        self.average_(buf.s, g, self.beta, tmp)
        np.sqrt(buf.s, out=tmp)
        tmp += self.eps / root
        np.divide(g, tmp, out=tmp)
        tmp *= self.lr / root * scale
        x -= tmp


@dataclass(frozen=True)
class AdaGrad:
    r"""AdaGrad (Duchi, Hazan & Singer 2011): ``s ← s + g²``, ``x ← x − lr·g / (√s + ε)``.

    RMSprop with a running *sum* of the squared gradients in place of their weighted
    average. Coordinates with large gradients get small steps, as in RMSprop, but ``s``
    only grows: the rate ``lr/(√s + ε)`` of every coordinate shrinks forever (like
    ``lr/√t`` for a steady gradient), so on a long run AdaGrad slows down before it
    arrives. That is why RMSprop averages: old squares fade and the step stays alive.
    The first step moves each coordinate by ``lr·|g|/(|g| + ε)``, as Adam's does.
    PyTorch: ``torch.optim.Adagrad(lr=lr, eps=eps, initial_accumulator_value=0)``
    (torch's default ε is 1e-10).
    """

    lr: float = 0.01
    eps: float = 1e-8
    name = "adagrad"

    def __post_init__(self):
        object.__setattr__(self, "lr", checks.positive(self.lr, "lr"))
        object.__setattr__(self, "eps", checks.positive(self.eps, "eps"))

    def init(self, params) -> AdaGradState:
        return AdaGradState(s=_zeros(params))

    def update(self, grads, state: AdaGradState):
        g = np.asarray(grads, dtype=np.float64)
        s = state.s + g * g  # a sum, not an average
        return -self.lr * g / (np.sqrt(s) + self.eps), AdaGradState(s=s)

    def kernel(self, x, g, buf, t, scale=1.0) -> None:
        """In place: RMSprop's :meth:`~RMSProp.average_` with β = 1 is the plain sum."""
        tmp = buf.tmp
        RMSProp.average_(buf.s, g, 1.0, tmp)
        np.sqrt(buf.s, out=tmp)
        tmp += self.eps
        np.divide(g, tmp, out=tmp)
        tmp *= self.lr * scale
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

    def kernel(self, x, g, buf, t, scale=1.0) -> None:
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
        tmp *= self.lr * a / root_b * scale
        x -= tmp


# -- many optimizers in one run ---------------------------------------------------------------


class GroupedState(NamedTuple):
    parts: tuple  # each group's own state, in the order of the groups


class _GroupBuffers:
    """One group's columns of the fast engine's buffers (views: in-place ops write through)."""

    def __init__(self, buf, part: slice):
        self.tmp = buf.tmp[:, part]
        self.v = buf.v[:, part]
        self.s = buf.s[:, part]


def _part(scale, part: slice):
    return scale[part] if np.ndim(scale) else scale


@dataclass(frozen=True)
class Grouped:
    r"""Different optimizers on different groups of starts, stepped together in one run.

    ``Grouped(((gd(0.1), 3), (adam(0.01), 4)))`` steps the first 3 starts (rows of the
    ``(N, d)`` points) with gradient descent and the next 4 with Adam. Each group keeps its
    own state and its own rule; the run evaluates the objective once per step for all
    starts, which is what a race of several optimizers from one point costs otherwise
    several times over. This is optax's ``multi_transform`` with the starts as the
    partition; no PyTorch equivalent (torch's parameter groups share one optimizer's rule).
    Groups with a look-ahead (Nesterov) take their gradient there, the others at ``x``.
    The fast engine must not cut the starts into chunks (``chunkable = False``).
    """

    parts: tuple  # ((optimizer, number of starts), ...)
    name = "grouped"
    chunkable = False

    def __post_init__(self):
        parts = tuple((opt, checks.integer(n, "group size", minimum=1)) for opt, n in self.parts)
        if not parts:
            raise ValueError("Grouped needs at least one (optimizer, number of starts) pair")
        for opt, _ in parts:
            if not (
                callable(getattr(opt, "init", None)) and callable(getattr(opt, "update", None))
            ):
                raise ValueError(f"{opt!r} is not an optimizer (it needs init and update)")
        object.__setattr__(self, "parts", parts)
        ends = np.cumsum([n for _, n in parts]).tolist()
        slices = tuple(slice(e - n, e) for (_, n), e in zip(parts, ends, strict=True))
        object.__setattr__(self, "_slices", slices)  # derived, not a field

    @property
    def slices(self) -> tuple[slice, ...]:
        """The rows of each group."""
        return self._slices

    @property
    def size(self) -> int:
        """The number of starts the groups cover."""
        return sum(n for _, n in self.parts)

    def _rows(self, params) -> np.ndarray:
        params = np.asarray(params, dtype=np.float64)
        if params.ndim != 2 or params.shape[0] != self.size:
            raise ValueError(f"Grouped needs points of shape ({self.size}, d), got {params.shape}")
        return params

    def init(self, params) -> GroupedState:
        params = self._rows(params)
        return GroupedState(
            tuple(o.init(params[p]) for (o, _), p in zip(self.parts, self.slices, strict=True))
        )

    def update(self, grads, state: GroupedState):
        grads = self._rows(grads)
        steps = [
            o.update(grads[p], st)
            for (o, _), p, st in zip(self.parts, self.slices, state.parts, strict=True)
        ]
        return np.concatenate([u for u, _ in steps]), GroupedState(tuple(st for _, st in steps))

    def kernel(self, x, g, buf, t, scale=1.0) -> None:
        """Each group's kernel on its columns of the ``(d, N)`` buffers."""
        per_start = np.ndim(scale) > 0
        for o, p, b in self._plan(x, g, buf):
            o.kernel(b.x, b.g, b, t, scale[p] if per_start else scale)

    def _plan(self, x, g, buf) -> tuple:
        """(optimizer, columns, views of x, g and the buffers) per group: built on the first
        step and kept on the run's own buffers (slicing them anew each step costs more than
        a whole small kernel)."""
        plan = getattr(buf, "groups", None)
        if plan is None or plan[0] is not self or plan[1] is not x or plan[2] is not g:
            views = []
            for (o, _), p in zip(self.parts, self.slices, strict=True):
                b = _GroupBuffers(buf, p)
                b.x, b.g = x[:, p], g[:, p]
                views.append((o, p, b))
            plan = buf.groups = (self, x, g, tuple(views))
        return plan[3]

    @property
    def lookahead(self):
        """The pure look-ahead if some group has one (else None: gradients at ``x``)."""
        return self._lookahead if self._looks("lookahead") else None

    @property
    def lookahead_kernel(self):
        """The in-place look-ahead if some group has one (else None)."""
        return self._lookahead_kernel if self._looks("lookahead_kernel") else None

    def _looks(self, method: str) -> bool:
        return any(callable(getattr(o, method, None)) for o, _ in self.parts)

    def _lookahead(self, params, state: GroupedState, scale=1.0) -> np.ndarray:
        parts = []
        for (o, _), p, st in zip(self.parts, self.slices, state.parts, strict=True):
            look = getattr(o, "lookahead", None)
            parts.append(params[p] if look is None else look(params[p], st, _part(scale, p)))
        return np.concatenate(parts)

    def _lookahead_kernel(self, x, buf, scale=1.0) -> np.ndarray:
        np.copyto(buf.tmp, x)  # gradients at x, but where a group looks ahead
        for (o, _), p in zip(self.parts, self.slices, strict=True):
            look = getattr(o, "lookahead_kernel", None)
            if look is not None:
                look(x[:, p], _GroupBuffers(buf, p), _part(scale, p))
        return buf.tmp


def gd(lr: float = 0.1) -> GradientDescent:
    """Plain gradient descent (default ``lr = 0.1``)."""
    return GradientDescent(lr)


def momentum(lr: float = 0.1, beta: float = 0.9) -> Momentum:
    """Momentum (defaults ``lr = 0.1``, ``beta = 0.9``)."""
    return Momentum(lr, beta)


def nesterov(lr: float = 0.1, beta: float = 0.9) -> Nesterov:
    """Nesterov momentum (defaults ``lr = 0.1``, ``beta = 0.9``)."""
    return Nesterov(lr, beta)


def adagrad(lr: float = 0.01, eps: float = 1e-8) -> AdaGrad:
    """AdaGrad (defaults ``lr = 0.01``, ``eps = 1e-8``)."""
    return AdaGrad(lr, eps)


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


BUILT_IN = (GradientDescent, Momentum, Nesterov, RMSProp, AdaGrad, Adam)

#: name → factory, in the order of :data:`BUILT_IN`.
FACTORIES = {
    "gd": gd,
    "momentum": momentum,
    "nesterov": nesterov,
    "rmsprop": rmsprop,
    "adagrad": adagrad,
    "adam": adam,
}
