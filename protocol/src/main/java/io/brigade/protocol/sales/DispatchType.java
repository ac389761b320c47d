package io.brigade.protocol.sales;

/** How a sale is handed over; spelled exactly as on the wire (note {@code TakeAway}). */
public enum DispatchType { DineIn, TakeAway, Collection, Delivery }
