#!/usr/bin/env python3
# Checks the vector ops (broadcasting add/sub/mul/max/min, clip, sigmoid, tanh, gelu, softmax, layernorm,
# concat, slice, upsample, globalavgpool, gather) against this file's own Python computation of docs/ops.md:
# the I-BERT constants recomputed from the paper's decimals, every rounding as the page states it. Inputs are
# random, fed with --input; outputs saved with --save-outputs, on several targets (the simulator must match
# the interpreter, which this file checks against). Needs numpy; not part of `mvn verify`, run it by hand:
#   python3 tests/numpy/vector_ops_check.py
import math, os, subprocess, sys, tempfile
import numpy as np

root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
work = tempfile.mkdtemp()
rng = np.random.default_rng(15)
inputs = {
    'x': rng.integers(-128, 128, size=(6, 40), dtype=np.int8),
    'b': rng.integers(-128, 128, size=(40,), dtype=np.int8),
    's': rng.integers(-20000, 20000, size=(3, 5, 70), dtype=np.int32),
    'e': rng.integers(-3000, 3000, size=(9, 96), dtype=np.int16),
    'g': rng.integers(-128, 128, size=(96,), dtype=np.int8),
    'beta': rng.integers(-100000, 100000, size=(96,), dtype=np.int32),
    'img': rng.integers(-128, 128, size=(2, 3, 5, 7), dtype=np.int8),
    'idx': rng.integers(-2**31, 2**31 - 1, size=(4, 3), dtype=np.int32),
    'table': rng.integers(-32768, 32768, size=(37, 2, 5), dtype=np.int16),
}
for name, a in inputs.items():
    np.save(f'{work}/{name}.npy', a)
with open(f'{work}/m.tdl', 'w') as f:
    f.write('''model ops {
  input x : i8[6, 40];
  input b : i8[40];
  input s : i32[3, 5, 70];
  input e : i16[9, 96];
  input g : i8[96];
  input beta : i32[96];
  input img : i8[2, 3, 5, 7];
  input idx : i32[4, 3];
  input table : i16[37, 2, 5];
  add1 = add(x, b);
  sub1 = sub(b, x);
  mul1 = mul(x, b);
  max1 = max(x, b);
  min1 = min(x, b);
  clip1 = clip(x, min = -20, max = 50);
  sig = sigmoid(x, frac = 5);
  th = tanh(x);
  ge = gelu(e, frac = 7);
  sm = softmax(s, frac = 9);
  ln = layernorm(e, g, beta, frac = 18);
  cat = concat(img, img, img, axis = 2);
  sl = slice(img, start = [1, 0, 1, 2], end = [2, 3, 5, 7], step = [1, 2, 3, 2]);
  up = upsample(img, scale = [3, 2]);
  gap = globalavgpool(img);
  gat = gather(table, idx);
  output add1, sub1, mul1, max1, min1, clip1, sig, th, ge, sm, ln, cat, sl, up, gap, gat;
}
''')

I = {k: v.astype(np.int64) for k, v in inputs.items()}
x, b = I['x'], I['b']

def wrap(a, bits):
    return ((a + 2**(bits - 1)) % 2**bits) - 2**(bits - 1)

def sat(a, lo, hi):
    return np.minimum(np.maximum(a, lo), hi)

def table(f, frac, lo):
    return np.array([max(lo, min(127, math.floor(f(v * 2.0**-frac) + 0.5))) for v in range(-128, 128)])

def expc(frac):
    s = 2.0**-frac
    return math.floor(math.log(2.0) / s), math.floor(1.353 / s), math.floor(0.344 / (0.3585 * s * s)), max(0, 2 * frac - 14)

def softmax(q, frac):
    qln2, qb, qc, sh = expc(frac)
    d = np.maximum(q - q.max(axis=-1, keepdims=True), -30 * qln2)
    z = (-d) // qln2
    p = d + z * qln2
    e = ((p + qb)**2 + qc) >> (z + sh)
    f = np.minimum((1 << 31) // np.maximum(e.sum(axis=-1, keepdims=True), 1), 2**31 - 1)
    return np.minimum(127, (e * f) >> 24)

def isqrt(n):
    if n <= 0:
        return 0
    x = 1 << ((n.bit_length() + 1) // 2)
    while True:
        nx = (x + n // x) // 2
        if nx >= x:
            return x
        x = nx

def layernorm(q, g, beta, frac, span):
    c = q.shape[-1]
    k = next(k for k in range(64) if c * ((span + (1 << k) - 1) >> k)**2 <= 2**31 - 1)
    mean = (q.sum(axis=-1, keepdims=True) + c // 2) // c
    d = q - mean
    var = ((d >> k)**2).sum(axis=-1)
    sigma = np.array([[isqrt(int(v)) << k] for v in var])
    f = np.minimum((1 << 31) // np.maximum(sigma, 1), 2**31 - 1)
    n = sat((d * f) >> (31 - frac), -2**31, 2**31 - 1)
    return wrap(n * g + beta, 32)

def gelu(q, frac):
    qb = math.floor(-1.769 * math.sqrt(2.0) * 2.0**frac)
    qc = math.floor(1.0 / (-0.2888 * 2.0**-(2 * frac + 1)))
    a = np.minimum(np.abs(q), -qb)
    erf = np.sign(q) * ((a + qb)**2 + qc)
    return sat(-q * (erf + qc), -2**31, 2**31 - 1)

img = I['img']
expected = {
    'add1': wrap(x + b, 8), 'sub1': wrap(b - x, 8), 'mul1': wrap(x * b, 32), 'max1': np.maximum(x, b),
    'min1': np.minimum(x, b), 'clip1': sat(x, -20, 50),
    'sig': table(lambda v: 128.0 / (1.0 + math.exp(-v)), 5, 0)[x + 128],
    'th': table(lambda v: 128.0 * math.tanh(v), 4, -128)[x + 128],
    'ge': gelu(I['e'], 7), 'sm': softmax(I['s'], 9), 'ln': layernorm(I['e'], I['g'], I['beta'], 18, 65535),
    'cat': np.concatenate([img, img, img], axis=2), 'sl': img[1:2, 0:3:2, 1:5:3, 2:7:2],
    'up': img.repeat(3, axis=2).repeat(2, axis=3),
    'gap': (img.sum(axis=(2, 3), keepdims=True) + 35 // 2) // 35,
    'gat': I['table'][np.mod(I['idx'], 37)],
}

ok = True
for target in ('default', 'systolic', 'eyeriss', 'nvdla', 'maeri', 'sparse'):
    out = f'{work}/out-{target}'
    feeds = [a for n in inputs for a in ('--input', f'{n}={work}/{n}.npy')]
    subprocess.run([f'{root}/tdlc', 'run', f'{work}/m.tdl', '--target', target, *feeds, '--save-outputs', out],
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    differ = [n for n, want in expected.items() if not np.array_equal(np.load(f'{out}/{n}.npy'), want)]
    print(f'{target:10s} ' + ('all 16 outputs match numpy' if not differ else 'DIFFER from numpy: ' + ', '.join(differ)))
    ok &= not differ
sys.exit(0 if ok else 1)
