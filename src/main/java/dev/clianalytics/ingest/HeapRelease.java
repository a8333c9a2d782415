package dev.clianalytics.ingest;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;

/**
 * Gives the staging's heap back to the system before DuckDB loads the rows (docs/ingest.md,
 * "Memory"). A collection keeps the heap it committed unless little of it may stay free, and never
 * shrinks a generation below its initial size: the launcher starts ingest with a small initial
 * heap that grows freely (free ratios 90-95 %); here the ratios are lowered for one full
 * collection, which uncommits what the staging used, then set back so that later steps grow the
 * heap as freely as before.
 */
final class HeapRelease {
    private HeapRelease() {}

    static void release() {
        HotSpotDiagnosticMXBean vm;
        String min;
        String max;
        try {
            vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
            min = vm.getVMOption("MinHeapFreeRatio").getValue();
            max = vm.getVMOption("MaxHeapFreeRatio").getValue();
            vm.setVMOption("MinHeapFreeRatio", "0");
            vm.setVMOption("MaxHeapFreeRatio", "10");
        } catch (RuntimeException e) {
            System.gc();   // another JVM: collect anyway, the heap keeps its size
            return;
        }
        try {
            System.gc();
        } finally {
            vm.setVMOption("MaxHeapFreeRatio", max);
            vm.setVMOption("MinHeapFreeRatio", min);
        }
    }
}
