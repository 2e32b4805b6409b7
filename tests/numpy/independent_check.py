#!/usr/bin/env python3
# Checks tdlc against an independent NumPy computation of the same semantics (DESIGN.md section 2):
# weights from .npy files, inputs from --input, outputs saved with --save-outputs, on several targets.
# Needs numpy; not part of `mvn verify` (CI has no guaranteed numpy), run it by hand:
#   python3 tests/numpy/independent_check.py
import os, subprocess, sys, tempfile
import numpy as np

root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
work = tempfile.mkdtemp()
rng = np.random.default_rng(3)
np.save(f'{work}/x.npy', rng.integers(-128, 128, size=(1, 8, 12, 12), dtype=np.int8))
np.save(f'{work}/w1.npy', rng.integers(-128, 128, size=(16, 8, 3, 3), dtype=np.int8))
np.save(f'{work}/w2.npy', rng.integers(-128, 128, size=(576, 10), dtype=np.int8))
with open(f'{work}/m.tdl', 'w') as f:
    f.write('''model net {
  input  x  : i8[1, 8, 12, 12];
  weight w1 : i8[16, 8, 3, 3] init file("w1.npy");
  weight w2 : i8[576, 10] init file("w2.npy");
  c = requant(relu(conv2d(x, w1, stride = 2, pad = 1)), shift = 9);
  y = matmul(flatten(c), w2);
  output c, y;
}
''')

def wrap32(a):
    return ((a + 2**31) % 2**32) - 2**31

x, w1, w2 = (np.load(f'{work}/{n}.npy').astype(np.int64) for n in ('x', 'w1', 'w2'))
xp = np.pad(x, ((0, 0), (0, 0), (1, 1), (1, 1)))
P = (12 + 2 - 3) // 2 + 1
acc = np.zeros((1, 16, P, P), dtype=np.int64)
for r in range(3):
    for s in range(3):
        acc += np.einsum('nchw,kc->nkhw', xp[:, :, r:r + 2 * P:2, s:s + 2 * P:2], w1[:, :, r, s])
c = np.clip((np.maximum(wrap32(acc), 0) + (1 << 8)) >> 9, -128, 127)
y = wrap32(c.reshape(1, -1) @ w2)

ok = True
for target in ('default', 'systolic', 'eyeriss', 'nvdla', 'maeri', 'sparse'):
    out = f'{work}/out-{target}'
    subprocess.run([f'{root}/tdlc', 'run', f'{work}/m.tdl', '--target', target, '--input', f'x={work}/x.npy',
                    '--save-outputs', out], check=True, stdout=subprocess.DEVNULL)
    same = np.array_equal(np.load(f'{out}/c.npy'), c) and np.array_equal(np.load(f'{out}/y.npy'), y)
    print(f'{target:10s} {"matches numpy" if same else "DIFFERS from numpy"}')
    ok &= same
sys.exit(0 if ok else 1)
