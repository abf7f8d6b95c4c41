package org.crisis.cli;
public class Main { public static void main(String[] a) { System.out.println(sim.engine.SimState.class); } }
