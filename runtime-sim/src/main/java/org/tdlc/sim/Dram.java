// The simulator's DRAM: a 64-bit byte address space of the program's DRAM size, held in pages that are
// allocated when first written (a page never written reads as zeros), so a program may address far beyond
// what one Java array holds and pays only for the bytes it touches. DMA looks a page up once per row and
// copies within it (page); only a row that crosses a page boundary goes byte by byte (get, put).
package org.tdlc.sim;

final class Dram {
  static final int PAGE_BITS = 20;
  static final int PAGE = 1 << PAGE_BITS;
  /** Pages per directory: the page table has two levels, so a 48-bit space costs no large table. */
  private static final int DIR_BITS = 14;
  private static final byte[] ZEROS = new byte[PAGE];

  private final long size;
  private final byte[][][] directories;

  Dram(long size) {
    this.size = size;
    long pages = (size + PAGE - 1) >>> PAGE_BITS;
    this.directories = new byte[(int) ((pages + (1 << DIR_BITS) - 1) >>> DIR_BITS)][][];
  }

  long size() { return size; }

  /** The page holding {@code addr} (inside the DRAM), to read: a page never written reads as zeros. */
  byte[] page(long addr) {
    long n = addr >>> PAGE_BITS;
    byte[][] dir = directories[(int) (n >>> DIR_BITS)];
    byte[] page = dir == null ? null : dir[(int) (n & ((1 << DIR_BITS) - 1))];
    return page == null ? ZEROS : page;
  }

  /** The page holding {@code addr} (inside the DRAM), to write: allocated (only up to the DRAM's end) if new. */
  byte[] writablePage(long addr) {
    long n = addr >>> PAGE_BITS;
    int d = (int) (n >>> DIR_BITS);
    if (directories[d] == null) directories[d] = new byte[1 << DIR_BITS][];
    int k = (int) (n & ((1 << DIR_BITS) - 1));
    byte[] page = directories[d][k];
    if (page == null) page = directories[d][k] = new byte[(int) Math.min(PAGE, size - (n << PAGE_BITS))];
    return page;
  }

  /** Where {@code addr} lies in its page. */
  static int offset(long addr) { return (int) (addr & (PAGE - 1)); }

  /** Whether bytes [from, end) lie in one page. */
  static boolean onePage(long from, long end) { return end <= from || (from >>> PAGE_BITS) == ((end - 1) >>> PAGE_BITS); }

  byte get(long addr) { return page(addr)[offset(addr)]; }

  void put(long addr, byte b) { writablePage(addr)[offset(addr)] = b; }

  /** Copies {@code n} bytes of {@code src} from {@code from} to DRAM at {@code addr}, a page at a time. */
  void write(long addr, byte[] src, int from, int n) {
    while (n > 0) {
      int chunk = (int) Math.min(n, PAGE - offset(addr));
      System.arraycopy(src, from, writablePage(addr), offset(addr), chunk);
      addr += chunk;
      from += chunk;
      n -= chunk;
    }
  }

  /** Copies {@code n} bytes of DRAM at {@code addr} into {@code dst} from {@code to}, a page at a time. */
  void read(long addr, byte[] dst, int to, int n) {
    while (n > 0) {
      int chunk = (int) Math.min(n, PAGE - offset(addr));
      System.arraycopy(page(addr), offset(addr), dst, to, chunk);
      addr += chunk;
      to += chunk;
      n -= chunk;
    }
  }
}
